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
            $"Your {m.SchemeKey} {m.Year} voucher quota {m.QuotaNumber} for {m.HolderName} was granted: {new Money(m.GrantedFen)}, usable until 31 December {m.Year}.", m.QuotaNumber, time.GetUtcNow())]);
    }

    public Task Consume(ConsumeContext<VoucherRedeemed> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        return NotifyAsync(context,
        [
            To(m.ProviderUser, $"兑付申请{m.ClaimNumber}公示期满，待季度结算", $"Claim {m.ClaimNumber} (order {m.OrderNumber}) passed its notice: {new Money(m.AmountFen)} is paid in the next settlement.", m.ClaimNumber, now),
            To(m.BuyerUser, $"订单{m.OrderNumber}已兑付{new Money(m.AmountFen)}", $"Order {m.OrderNumber}: the voucher's share {new Money(m.AmountFen)} was redeemed by the provider.", m.OrderNumber, now),
        ]);
    }

    public Task Consume(ConsumeContext<VoucherSettlementPaid> context)
    {
        var m = context.Message;
        var now = time.GetUtcNow();
        return NotifyAsync(context,
        [
            To(m.ProviderUser, $"{m.Cycle}创新券结算款已拨付：{new Money(m.AmountFen)}",
                $"The {m.SchemeKey} settlement for {m.Cycle} was paid to {m.ProviderName}: {new Money(m.AmountFen)} for {m.ClaimCount} claims, bank reference {m.BankReference}.", m.Cycle, now),
            .. m.BuyerUsers.Select(buyer => To(buyer, $"{m.Cycle}创新券结算完成：{m.ProviderName}",
                $"The voucher share of your orders with {m.ProviderName} was paid to the provider in the {m.Cycle} settlement.", m.Cycle, now)),
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

    public static Notification To(string user, string titleZh, string bodyEn, string businessKey, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Recipient = user,
        Kind = NotificationKinds.Voucher,
        Title = titleZh.Length > 200 ? titleZh[..200] : titleZh,
        Body = bodyEn,
        BusinessKey = businessKey,
        Actor = "system",
        CreatedAt = now,
    };
}
