namespace ProjectWorkflow.Funding.Vouchers;

/// <summary>A move a voucher object's state does not allow (an order already declined, a claim already settled), said plainly.</summary>
public sealed class VoucherTransitionException(string message) : Exception(message);
