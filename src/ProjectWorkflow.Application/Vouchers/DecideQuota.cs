using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record DecideQuotaRequest(bool? Grant, long? GrantedFen, string? Reason);

/// <summary>
/// The issuer's reviewer grants a quota (at most what was asked, within the annual cap) or refuses it with a reason.
/// A grant reserves the quota in the scheme-year's voucher budget (refused by BudgetExceeded when it is not there) and
/// tells the holder (<see cref="VoucherGranted"/>); the review task of the scheme's process completes in the same
/// transaction, with the form's fields.
/// </summary>
public sealed class DecideQuota(ProjectWorkflowDbContext db, VoucherRuleSets ruleSets, FundLedger ledger, Outbox outbox, WorkflowCommands commands,
    TimeProvider time, AuditTrail audit)
{
    /// <summary>The user task of the voucher processes this decision completes.</summary>
    public const string ReviewTask = "reviewQuota";

    public async Task<VoucherQuotaView> HandleAsync(Guid id, DecideQuotaRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Grant is not { } grant) throw InvalidRequestException.For("grant", "Say whether the quota is granted (true) or refused (false).", "请说明是否核定该额度：true（核定）或 false（不予核定）。");
        if (grant && request.GrantedFen is not (> 0 and <= Money.MaxFen)) throw InvalidRequestException.For("grantedFen", "The quota granted, in positive integer fen.", "请填写核定额度（分，正整数）。");
        var reason = request.Reason?.Trim();
        if (!grant && string.IsNullOrEmpty(reason)) throw InvalidRequestException.For("reason", "Say why the quota is refused; the applicant reads it.", "请说明不予核定的理由。");
        if (reason is { Length: > 1000 }) throw InvalidRequestException.For("reason", "At most 1,000 characters.", "最多 1,000 个字符。");

        var quota = await db.Set<VoucherQuota>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no voucher quota {id}.", $"未找到券额度 {id}。");
        if (quota.AppliedBy == actor.Id) throw new ForbiddenException("Nobody decides their own quota application.", "不能审核本人提交的额度申请。");
        var taskId = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.InstanceId == quota.InstanceId && t.ElementId == ReviewTask && t.Status == TaskStatuses.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException($"The quota {quota.Number} is {quota.Status.ToString().ToLowerInvariant()}; its process is not waiting for a review.", $"额度申请 {quota.Number} 当前状态为 {quota.Status.ToString().ToLowerInvariant()}，其流程不在待审核环节。");

        var now = time.GetUtcNow();
        if (grant)
        {
            var rules = await ruleSets.ForAsync(quota.SchemeKey, quota.Year, cancellationToken);
            var others = db.Set<VoucherQuota>().AsNoTracking().Where(q => q.Id != quota.Id && q.SchemeKey == quota.SchemeKey && q.Year == quota.Year
                && q.Status == VoucherQuotaStatus.Granted);
            var held = quota.EnterpriseId is { } enterprise
                ? await others.Where(q => q.EnterpriseId == enterprise).SumAsync(q => q.GrantedFen, cancellationToken)
                : await others.Where(q => q.ApplicantKind == VoucherApplicantKind.Team && q.HolderName.ToUpper() == quota.HolderName.ToUpperInvariant()).SumAsync(q => q.GrantedFen, cancellationToken);
            quota.Grant(new Money(request.GrantedFen!.Value), rules.AnnualCapFor(quota.ApplicantKind), new Money(held), actor.Id, reason, now);
            var budget = await ledger.FindBudgetAsync(BudgetKinds.Voucher, quota.SchemeKey, quota.Year, cancellationToken)
                ?? throw new ConflictException($"{quota.SchemeKey} has no voucher budget for {quota.Year}; an administrator sets it (PUT /api/vouchers/budgets/{quota.SchemeKey}/{quota.Year}).", $"{quota.SchemeKey} 尚未设定 {quota.Year} 年券预算，请管理员先设定（PUT /api/vouchers/budgets/{quota.SchemeKey}/{quota.Year}）。");
            ledger.Add(budget, budget.Reserve(quota.Id, quota.Granted, await ledger.ProjectAsync(quota.Id, cancellationToken),
                ledger.Booking($"voucher-grant:{quota.Id:N}", actor.Id, $"voucher quota {quota.Number} granted to {quota.HolderName}")));
            outbox.Publish(new VoucherGranted(quota.Id, quota.Number, quota.SchemeKey, quota.Year, quota.HolderName, quota.AppliedBy, quota.GrantedFen, now));
        }
        else quota.Refuse(actor.Id, reason!, now);

        audit.Record(grant ? "voucher-quota.granted" : "voucher-quota.refused", "voucher-quota", quota.Number, reason,
            detail: grant ? $"granted {quota.Granted} ({quota.GrantedFen} fen) of {quota.RequestedFen} fen asked; reserved in the voucher budget" : null);
        try
        {
            await commands.RunAsync(actor, session => session.CompleteAsync(taskId, new JsonObject
            {
                ["granted"] = grant,
                ["grantedFen"] = quota.GrantedFen,
                ["reason"] = reason,
                // The quota process waits until the end of the quota's validity, then lapses it.
                ["lapsesAt"] = ShanghaiDate.EndOf(quota.LapsesAfter).ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }, cancellationToken), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The quota or the voucher budget changed at the same moment; reload and decide again.", "该额度申请或券预算刚刚已被修改，请刷新后重新审核。");
        }
        return VoucherQuotaView.Of(quota);
    }
}
