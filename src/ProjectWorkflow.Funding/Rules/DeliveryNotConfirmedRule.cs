namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// A provider claims redemption only of a service its buyer confirmed it received: the voucher is public money spent on
/// the enterprise's behalf, so the enterprise's word that the service was delivered comes before the provider is paid
/// (as the voucher centre's flow has the buyer confirm before the centre approves the use).
/// </summary>
public sealed class DeliveryNotConfirmedRule(string orderNumber, bool confirmed) : IFundingRule
{
    public bool IsBroken() => !confirmed;

    public RuleMessage Message => new(
        $"订单{orderNumber}的服务尚未经用券企业确认交付，确认后方可申请兑付。",
        $"The buyer has not yet confirmed the delivery of order {orderNumber}; a redemption is claimed once the buyer confirms it.");
}
