using System.Text.Json;
using ProjectWorkflow.Application.Schemes;

namespace ProjectWorkflow.Application.Ledger;

public sealed record ReconciliationReport(Guid Id, DateTimeOffset At, int BudgetsChecked, int EntriesChecked, bool Clean, IReadOnlyList<Funding.Ledger.LedgerFinding> Findings);

/// <summary>One run of the reconciliation, kept so finance officers and auditors can see when the ledger was last proven.</summary>
public sealed class ReconciliationRun
{
    private ReconciliationRun()
    {
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int BudgetsChecked { get; private set; }
    public int EntriesChecked { get; private set; }
    public bool Clean { get; private set; }

    /// <summary>The findings as JSON (the report's <c>findings</c>).</summary>
    public string Findings { get; private set; } = "[]";

    public static ReconciliationRun Of(ReconciliationReport report) => new()
    {
        Id = report.Id,
        At = report.At,
        BudgetsChecked = report.BudgetsChecked,
        EntriesChecked = report.EntriesChecked,
        Clean = report.Clean,
        Findings = JsonSerializer.Serialize(report.Findings, SchemeJson.Options),
    };
}
