using MassTransit;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Tells the people a voucher event concerns, in their inbox: the holder of a granted quota; the provider and the buyer
/// of a redeemed claim; the provider and every buyer of a paid settlement. Each message is handled once (inbox receipt).
/// </summary>
public sealed class VoucherNotifications(ProjectWorkflowDbContext db, Inbox inbox, TimeProvider time)
    : IConsumer<VoucherGranted>, IConsumer<VoucherRedeemed>, IConsumer<VoucherSettlementPaid>
{
    public const string Queue = "voucher-notifications";
    private const string Name = "voucher-notifications";

    public Task Consume(ConsumeContext<VoucherGranted> context)
    {
        var m = context.Message;
        return NotifyAsync(context, [To(m.AppliedBy, $"创新券额度已核定：{m.QuotaNumber}，{new Money(m.GrantedFen)}",
            $"Voucher quota granted: {m.QuotaNumber}, {new Money(m.GrantedFen)}",
            $"Your {m.SchemeKey} {m.Year} voucher quota {m.QuotaNumber} for {m.HolderName} was granted: {new Money(m.GrantedFen)}, usable until 31 December {m.Year}.",
            $"{m.HolderName} 的 {m.SchemeKey} {m.Year} 年度券额度 {m.QuotaNumber} 已核定：{new Money(m.GrantedFen)}，有效期至 {m.Year} 年 12 月 31 日。", m.QuotaNumber, time.GetUtcNow())]);
    }

    public Task Consume(ConsumeContext<VoucherRedeemed> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        return NotifyAsync(context,
        [
            To(m.ProviderUser, $"兑付申请{m.ClaimNumber}公示期满，待季度结算", $"Claim {m.ClaimNumber} passed its notice, awaiting the quarter's settlement",
                $"Claim {m.ClaimNumber} (order {m.OrderNumber}) passed its notice: {new Money(m.AmountFen)} is paid in the next settlement.",
                $"兑付申请 {m.ClaimNumber}（订单 {m.OrderNumber}）公示期满：{new Money(m.AmountFen)} 将在下一次结算中拨付。", m.ClaimNumber, now),
            To(m.BuyerUser, $"订单{m.OrderNumber}已兑付{new Money(m.AmountFen)}", $"Order {m.OrderNumber} redeemed: {new Money(m.AmountFen)}",
                $"Order {m.OrderNumber}: the voucher's share {new Money(m.AmountFen)} was redeemed by the provider.",
                $"订单 {m.OrderNumber}：服务机构已兑付用券金额 {new Money(m.AmountFen)}。", m.OrderNumber, now),
        ]);
    }

    public Task Consume(ConsumeContext<VoucherSettlementPaid> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        return NotifyAsync(context,
        [
            To(m.ProviderUser, $"{m.Cycle}创新券结算款已拨付：{new Money(m.AmountFen)}", $"Voucher settlement {m.Cycle} paid: {new Money(m.AmountFen)}",
                $"The {m.SchemeKey} settlement for {m.Cycle} was paid to {m.ProviderName}: {new Money(m.AmountFen)} for {m.ClaimCount} claims, bank reference {m.BankReference}.",
                $"{m.SchemeKey} {m.Cycle} 结算款已拨付给 {m.ProviderName}：{m.ClaimCount} 笔兑付申请共 {new Money(m.AmountFen)}，银行流水号 {m.BankReference}。", m.Cycle, now),
            .. m.BuyerUsers.Select(buyer => To(buyer, $"{m.Cycle}创新券结算完成：{m.ProviderName}", $"Voucher settlement {m.Cycle} done: {m.ProviderName}",
                $"The voucher share of your orders with {m.ProviderName} was paid to the provider in the {m.Cycle} settlement.",
                $"您与 {m.ProviderName} 的订单中由券支付的部分，已在 {m.Cycle} 结算中拨付给服务机构。", m.Cycle, now)),
        ]);
    }

    private async Task NotifyAsync(ConsumeContext context, IReadOnlyList<Notification> notifications)
    {
        var receipt = InboxReceipt.Of(context, Name);
        if (await inbox.HasProcessedAsync(receipt, context.CancellationToken)) return;
        db.AddRange(notifications);
        inbox.Record(receipt);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>A voucher notice to one user: its headline and its details, each in Chinese and in English, kept apart.</summary>
    public static Notification To(string user, string titleZh, string titleEn, string bodyEn, string bodyZh, string businessKey, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Recipient = user,
        Kind = NotificationKinds.Voucher,
        Title = titleZh.Length > 200 ? titleZh[..200] : titleZh,
        TitleEn = titleEn.Length > 200 ? titleEn[..200] : titleEn,
        Body = bodyEn,
        BodyZh = bodyZh,
        BusinessKey = businessKey,
        Actor = "system",
        CreatedAt = now,
    };
}
