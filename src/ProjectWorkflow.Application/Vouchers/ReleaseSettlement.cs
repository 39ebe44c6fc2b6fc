using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// A finance officer who played no other part in what a settlement pays (granted one of its quotas, reviewed one of
/// its claims, placed or answered one of its orders, acts for the provider) releases it: the release task completes
/// and, in the same transaction, the order goes to the treasury. A second click finds it released (409); only a bank's
/// rejection lets it be released again.
/// </summary>
public sealed class ReleaseSettlement(ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time, AuditTrail audit)
{
    public const string ReleaseTask = "releaseSettlement";

    public async Task<VoucherSettlementView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var settlement = await db.Set<VoucherSettlement>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no voucher settlement {id}.", $"未找到券结算 {id}。");
        settlement.Release(actor.Id, await PartsPlayedAsync(settlement, actor.Id, cancellationToken), time.GetUtcNow());
        var businessKey = OpenSettlements.BusinessKeyOf(settlement);
        var taskId = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.BusinessKey == businessKey && t.ElementId == ReleaseTask && t.Status == TaskStatuses.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("This settlement's process is not waiting for a release (it may have been released a moment ago). Reload it.", "该结算的流程不在待审核拨付环节（可能刚刚已批准），请刷新后查看。");
        audit.Record("voucher-settlement.released", "voucher-settlement", settlement.Id.ToString(),
            detail: $"{settlement.ProviderName}, {settlement.SchemeKey} {settlement.Cycle}: {settlement.AmountFen} fen, attempt {settlement.Attempt}");
        await commands.RunAsync(actor, session => session.CompleteAsync(taskId, new JsonObject { ["releasedBy"] = actor.Id }, cancellationToken), cancellationToken);
        return VoucherSettlementView.Of(settlement);
    }

    private async Task<IReadOnlyCollection<string>> PartsPlayedAsync(VoucherSettlement settlement, string person, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (await db.Set<ServiceProvider>().AnyAsync(p => p.Id == settlement.ProviderId && p.RegisteredBy == person, cancellationToken))
            parts.Add("acts for the provider");
        var claims = db.Set<RedemptionClaim>().Where(c => c.SettlementId == settlement.Id);
        if (await claims.AnyAsync(c => c.ReviewedBy == person || c.SubmittedBy == person, cancellationToken)) parts.Add("reviewed or submitted a claim it pays");
        var orders = db.Set<VoucherOrder>().Where(o => claims.Any(c => c.OrderId == o.Id));
        if (await orders.AnyAsync(o => o.PlacedBy == person || o.AnsweredBy == person, cancellationToken)) parts.Add("placed or answered an order it pays");
        if (await db.Set<VoucherQuota>().AnyAsync(q => orders.Any(o => o.QuotaId == q.Id) && (q.DecidedBy == person || q.AppliedBy == person), cancellationToken))
            parts.Add("applied for or granted a quota it pays");
        return parts;
    }
}
