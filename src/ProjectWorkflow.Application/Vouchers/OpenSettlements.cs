using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>What a settlement run opened.</summary>
public sealed record SettlementRunView(string Cycle, IReadOnlyList<VoucherSettlementView> Opened);

/// <summary>
/// Quarterly (the scheme's settlement cycle): after a cycle ends, one payment order per provider and scheme is opened
/// with every claim whose notice passed within the cycle (or earlier) and not yet settled, and its settlement process starts, waiting for a
/// finance officer to release it. Safe to run twice or on two nodes: the settlement's unique key (provider, scheme,
/// cycle) and each claim's optimistic save let one opening through; the other changes nothing.
/// </summary>
public sealed class OpenSettlements(ProjectWorkflowDbContext db, CloseClaimNotices notices, WorkflowCommands commands,
    DefinitionCatalog catalog, TimeProvider time, AuditTrail audit) : IScheduledCheck
{
    public const string Id = "voucher-settlement";
    public const string ProcessKey = "voucher-settlement";

    public async Task RunAsync(CancellationToken cancellationToken) => await RunForAsync(null, cancellationToken);

    /// <summary>Opens the settlements of the cycle that ended last (or of <paramref name="cycleEndingOn"/>'s cycle).</summary>
    public async Task<SettlementRunView> RunForAsync(DateOnly? cycleEndingOn, CancellationToken cancellationToken)
    {
        await notices.RunAsync(cancellationToken);
        var now = time.GetUtcNow();
        var today = ShanghaiDate.Of(now);
        var opened = new List<VoucherSettlementView>();
        string? cycleKey = null;
        var schemes = await db.Set<VoucherRuleSetRecord>().AsNoTracking().Select(r => new { r.SchemeKey, r.Year, r.Document }).ToListAsync(cancellationToken);
        foreach (var scheme in schemes.GroupBy(s => s.SchemeKey))
        {
            var latest = scheme.OrderByDescending(s => s.Year).First();
            var months = VoucherRuleSets.Read(latest.SchemeKey, latest.Document).SettlementCycleMonths;
            var cycle = cycleEndingOn is { } day ? SettlementCycle.Containing(day, months) : SettlementCycle.Containing(today, months).Previous;
            if (cycle.Ends >= today) throw new ConflictException($"The cycle {cycle} has not ended yet (it ends {cycle.Ends:yyyy-MM-dd}); it is settled after its last day.", $"结算周期 {cycle} 尚未结束（{cycle.Ends:yyyy-MM-dd} 结束），须在周期最后一天之后结算。");
            cycleKey = cycle.Key;
            var groups = await db.Set<RedemptionClaim>().AsNoTracking()
                .Where(c => c.SchemeKey == scheme.Key && c.Status == RedemptionClaimStatus.Redeemed && c.SettlementId == null && c.NoticeEndsOn < cycle.Ends)
                .Select(c => c.ProviderId).Distinct().ToListAsync(cancellationToken);
            foreach (var providerId in groups)
                if (await OpenAsync(providerId, scheme.Key, cycle, cancellationToken) is { } settlement)
                    opened.Add(settlement);
        }
        return new SettlementRunView(cycleKey ?? "", opened);
    }

    private async Task<VoucherSettlementView?> OpenAsync(Guid providerId, string schemeKey, SettlementCycle cycle, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await db.Set<VoucherSettlement>().AnyAsync(s => s.ProviderId == providerId && s.SchemeKey == schemeKey && s.Cycle == cycle.Key, cancellationToken))
            return null;
        var provider = await db.Set<ServiceProvider>().FirstAsync(p => p.Id == providerId, cancellationToken);
        var claims = await db.Set<RedemptionClaim>()
            .Where(c => c.ProviderId == providerId && c.SchemeKey == schemeKey && c.Status == RedemptionClaimStatus.Redeemed && c.SettlementId == null && c.NoticeEndsOn < cycle.Ends)
            .OrderBy(c => c.RedeemedAt).ToListAsync(cancellationToken);
        if (claims.Count == 0) return null;
        var now = time.GetUtcNow();
        var settlement = VoucherSettlement.Open(provider, schemeKey, cycle, claims, now);
        db.Add(settlement);
        audit.Record("voucher-settlement.opened", "voucher-settlement", settlement.Id.ToString(),
            detail: $"{provider.Name}, {schemeKey} {cycle}: {claims.Count} claims, {settlement.AmountFen} fen");
        var definition = await catalog.FindLatestAsync(db, ProcessKey, cancellationToken)
            ?? throw new InvalidOperationException($"The process '{ProcessKey}' is not deployed.");
        try
        {
            await commands.RunAsync(Actor.System, session => session.StartAsync(definition, Guid.NewGuid(), BusinessKeyOf(settlement), new JsonObject
            {
                ["settlementId"] = settlement.Id.ToString(),
                ["providerName"] = provider.Name,
                ["schemeKey"] = schemeKey,
                ["cycle"] = cycle.Key,
                ["amountFen"] = settlement.AmountFen,
                ["claimCount"] = settlement.ClaimCount,
            }, cancellationToken: cancellationToken), cancellationToken);
        }
        catch (Exception race) when (race is DbUpdateException or WorkflowException { Kind: WorkflowErrorKind.Conflict })
        {
            // Another run (or node) opened this provider's settlement for the cycle at the same moment: its order stands.
            db.ChangeTracker.Clear();
            return null;
        }
        return VoucherSettlementView.Of(settlement);
    }

    /// <summary>The settlement process's business key: the treasury's answer finds the process by it.</summary>
    public static string BusinessKeyOf(VoucherSettlement settlement) => $"VS-{settlement.Cycle}-{settlement.Id.ToString("N")[..12].ToUpperInvariant()}";
}
