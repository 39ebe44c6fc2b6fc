using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record VoucherQuotaView(
    Guid Id, string Number, string SchemeKey, int Year, string ApplicantKind, string HolderName, Guid? EnterpriseId,
    long RequestedFen, long GrantedFen, long CommittedFen, long RemainingFen, long RedeemedFen, long ReleasedFen,
    string Status, DateOnly LapsesAfter, string AppliedBy, DateTimeOffset AppliedAt, string? DecisionReason)
{
    public static VoucherQuotaView Of(VoucherQuota q) => new(
        q.Id, q.Number, q.SchemeKey, q.Year, VoucherRuleSetDocument.NameOf(q.ApplicantKind), q.HolderName, q.EnterpriseId,
        q.RequestedFen, q.GrantedFen, q.CommittedFen, q.Remaining.Fen, q.RedeemedFen, q.ReleasedFen,
        Text(q.Status), q.LapsesAfter, q.AppliedBy, q.AppliedAt, q.DecisionReason);

    /// <summary>A status as the API names it: InNotice → in-notice.</summary>
    public static string Text<T>(T status) where T : struct, Enum =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

public sealed record ProviderServiceView(string SchemeKey, string ItemKey, string NameZh, string NameEn, long PriceFen);

public sealed record ServiceProviderView(
    Guid Id, string Uscc, string Name, string LegalRepresentative, string Status, string? StatusReason, string RegisteredBy,
    IReadOnlyList<ProviderServiceView> Services)
{
    public static ServiceProviderView Of(ServiceProvider p) => new(
        p.Id, p.Uscc, p.Name, p.LegalRepresentative, VoucherQuotaView.Text(p.Status), p.StatusReason, p.RegisteredBy,
        p.Services.Select(s => new ProviderServiceView(s.SchemeKey, s.ItemKey, s.NameZh, s.NameEn, s.PriceFen)).ToList());
}

public sealed record VoucherOrderView(
    Guid Id, string Number, Guid QuotaId, string SchemeKey, int Year, Guid ProviderId, string ItemKey,
    long ContractValueFen, long VoucherShareFen, long OwnShareFen, string Status, string PlacedBy, DateTimeOffset PlacedAt,
    string? DeclineReason, string? Deliverable, DateTimeOffset? DeliveredAt = null, DateTimeOffset? ConfirmedAt = null)
{
    public static VoucherOrderView Of(VoucherOrder o) => new(
        o.Id, o.Number, o.QuotaId, o.SchemeKey, o.Year, o.ProviderId, o.ItemKey, o.ContractValueFen, o.VoucherShareFen, o.OwnShare.Fen,
        VoucherQuotaView.Text(o.Status), o.PlacedBy, o.PlacedAt, o.DeclineReason, o.Deliverable, o.DeliveredAt, o.ConfirmedAt);
}

/// <summary>A claim as the provider and the staff see it (the reviewer's identity is staff-only: <paramref name="ReviewedBy"/> is null for others).</summary>
public sealed record RedemptionClaimView(
    Guid Id, string Number, Guid OrderId, Guid ProviderId, string SchemeKey, int Year, long AmountFen, string InvoiceNumber,
    string Status, IReadOnlyList<string> Missing, DateOnly? NoticeEndsOn, string? ReviewReason, string? ReviewedBy, Guid? SettlementId)
{
    public static RedemptionClaimView Of(RedemptionClaim c, bool staff) => new(
        c.Id, c.Number, c.OrderId, c.ProviderId, c.SchemeKey, c.Year, c.AmountFen, c.InvoiceNumber, VoucherQuotaView.Text(c.Status),
        c.Missing, c.NoticeEndsOn, c.ReviewReason, staff ? c.ReviewedBy : null, c.SettlementId);
}

public sealed record VoucherSettlementView(
    Guid Id, Guid ProviderId, string ProviderName, string SchemeKey, int Year, string Cycle, long AmountFen, int ClaimCount,
    string Status, DateTimeOffset OpenedAt, string? ReleasedBy, DateTimeOffset? ReleasedAt, DateTimeOffset? PaidAt, string? BankReference, string? RejectionReason)
{
    public static VoucherSettlementView Of(VoucherSettlement s) => new(
        s.Id, s.ProviderId, s.ProviderName, s.SchemeKey, s.Year, s.Cycle, s.AmountFen, s.ClaimCount, VoucherQuotaView.Text(s.Status),
        s.OpenedAt, s.ReleasedBy, s.ReleasedAt, s.PaidAt, s.BankReference, s.RejectionReason);
}
