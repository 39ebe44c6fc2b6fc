namespace ProjectWorkflow.Application.Vouchers;

/// <summary>A redemption claim passed its notice and is due in its cycle's settlement: the provider and the buyer hear of it.</summary>
public sealed record VoucherRedeemed(Guid ClaimId, string ClaimNumber, string OrderNumber, string SchemeKey, string ProviderUser, string BuyerUser, long AmountFen, DateTimeOffset RedeemedAt);
