namespace ProjectWorkflow.Application.Vouchers;

/// <summary>A voucher quota was granted (and reserved in the voucher budget): the holder hears of it.</summary>
public sealed record VoucherGranted(Guid QuotaId, string QuotaNumber, string SchemeKey, int Year, string HolderName, string AppliedBy, long GrantedFen, DateTimeOffset GrantedAt);
