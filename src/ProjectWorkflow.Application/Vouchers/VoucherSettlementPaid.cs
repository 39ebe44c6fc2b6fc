namespace ProjectWorkflow.Application.Vouchers;

/// <summary>The treasury paid a provider's settlement for a cycle: the provider and every buyer whose orders it paid hear of it.</summary>
public sealed record VoucherSettlementPaid(Guid SettlementId, string SchemeKey, string Cycle, string ProviderName, string ProviderUser,
    IReadOnlyList<string> BuyerUsers, long AmountFen, int ClaimCount, string? BankReference, DateTimeOffset PaidAt);
