namespace ProjectWorkflow.Application.Vouchers;

/// <summary>One voucher scheme's rules for one year, stored as the document administrators send; immutable once added.</summary>
public sealed class VoucherRuleSetRecord
{
    public long Id { get; set; }
    public string SchemeKey { get; set; } = "";
    public int Year { get; set; }
    public string Document { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}
