using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// One line of an application's timeline. <c>event</c> is <c>submitted</c>, <c>stage</c> (a step of the review
/// or the project, from <c>at</c> to <c>finishedAt</c>), <c>returned-for-supplement</c> (with the reason and the
/// deadline), <c>in-public-notice</c> (until the end of the notice), <c>approved</c> (the amount), <c>rejected</c>
/// (with the reason), <c>installment-paid</c> (number and amount), or <c>ended</c> (the outcome).
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At, string Event, string? Step = null, string? StepName = null, DateTimeOffset? FinishedAt = null,
    string? Reason = null, DateTimeOffset? Until = null, int? Installment = null, long? AmountFen = null, string? Outcome = null);

public sealed record ApplicationTimelineView(Guid Id, string Number, string Status, string? Stage, string? Outcome, IReadOnlyList<TimelineEntry> Entries);

/// <summary>
/// What the applicant reads about its application's way through the process: the stages and their dates, the
/// outcome, and the reasons addressed to it (why it was returned for supplement and by when, why it was rejected,
/// when the public notice ends, each installment paid). Never who reviewed it, scores, or internal comments: the
/// raw process record (<c>/api/instances</c>) is the fund's. Reviewers address a reason to the applicant in the
/// process variables <c>returnReason</c> (a return for supplement) and <c>rejectionReason</c> (a rejection).
/// </summary>
public sealed class ApplicationTimeline(ProjectWorkflowDbContext db, ApplicationAccess access, DefinitionCatalog catalog)
{
    public const string ReturnReasonVariable = "returnReason";
    public const string RejectionReasonVariable = "rejectionReason";

    public async Task<ApplicationTimelineView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.ApplicantOrStaffAsync(id, actor, cancellationToken);
        var entries = new List<TimelineEntry>();
        if (application.SubmittedAt is { } submittedAt) entries.Add(new TimelineEntry(submittedAt, "submitted"));
        string? outcome = null;

        var instance = application.InstanceId is { } instanceId
            ? await db.Set<InstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            : null;
        if (instance is not null)
        {
            var definition = await catalog.FindAsync(db, instance.DefinitionId, cancellationToken);
            var variables = JsonSerializer.Deserialize<ProcessInstance>(instance.State, RuntimeJson.Options)!.Variables;
            var journal = await db.Set<JournalRecord>().AsNoTracking().Where(j => j.InstanceId == instance.Id)
                .OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
            string? NameOf(string elementId) => definition?.Process.NodesById.GetValueOrDefault(elementId)?.Name ?? elementId;
            var open = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in journal)
            {
                switch (line.Kind, line.Event, line.ElementId)
                {
                    case ("userTask", "taskCreated", var step):
                        // A panel opens one task per expert: one stage for all of them.
                        if (!open.ContainsKey(step) || entries[open[step]].FinishedAt is not null)
                        {
                            open[step] = entries.Count;
                            entries.Add(new TimelineEntry(line.At, "stage", step, NameOf(step)));
                        }
                        break;
                    case ("userTask", "completed", var step) when open.TryGetValue(step, out var at):
                        entries[at] = entries[at] with { FinishedAt = line.At };
                        break;
                    case (_, "left", "returnForSupplement"):
                        entries.Add(new TimelineEntry(line.At, "returned-for-supplement", Reason: Text(variables, ReturnReasonVariable),
                            Until: Date(variables, "supplementDueAt")));
                        break;
                    case (_, "left", "publishNotice"):
                        entries.Add(new TimelineEntry(line.At, "in-public-notice", Until: Date(variables, "noticeEndsAt")));
                        break;
                    case (_, "left", "approve"):
                        entries.Add(new TimelineEntry(line.At, "approved", AmountFen: application.ApprovedAmountFen));
                        break;
                    case (_, "left", "reject" or "lapse"):
                        entries.Add(new TimelineEntry(line.At, "rejected", Reason: Text(variables, RejectionReasonVariable)));
                        break;
                    case ("endEvent", "left", var end) when definition?.Process.NodesById.GetValueOrDefault(end)?.Scope is ProcessModel:
                        outcome = NameOf(end);
                        entries.Add(new TimelineEntry(line.At, "ended", Outcome: outcome));
                        break;
                    case ("process", "terminated" or "cancelled", _):
                        outcome = line.Event;
                        // A termination is a decision on the file and its reason is the applicant's to read.
                        entries.Add(new TimelineEntry(line.At, "ended", Outcome: outcome, Reason: line.Event == "terminated" ? line.Detail : null));
                        break;
                }
            }
        }

        var paid = await db.Set<Funding.Ledger.PaymentOrder>().AsNoTracking()
            .Where(o => o.ApplicationId == application.Id && o.PaidAt != null).ToListAsync(cancellationToken);
        entries.AddRange(paid.Select(o => new TimelineEntry(o.PaidAt!.Value, "installment-paid", Installment: o.InstallmentNumber, AmountFen: o.AmountFen)));

        return new ApplicationTimelineView(application.Id, application.Number, ApplicationStatusText.Of(application.Status), application.Stage, outcome,
            entries.OrderBy(e => e.At).ToList());
    }

    private static string? Text(JsonObject variables, string name) =>
        variables[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static DateTimeOffset? Date(JsonObject variables, string name) =>
        Text(variables, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
