namespace ProjectWorkflow.Web.Vouchers;

/// <summary>The voucher pages' words: <c>VoucherText.resx</c> (Chinese) and <c>VoucherText.en.resx</c>.</summary>
public sealed class VoucherText;
