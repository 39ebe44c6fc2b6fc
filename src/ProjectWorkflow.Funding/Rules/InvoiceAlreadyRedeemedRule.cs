namespace ProjectWorkflow.Funding.Rules;

/// <summary>One invoice is redeemed (or claimed for a project) once across every scheme and voucher.</summary>
public sealed class InvoiceAlreadyRedeemedRule(string invoiceNumber, string? claimedBy) : IFundingRule
{
    public bool IsBroken() => claimedBy is not null;

    public RuleMessage Message => new(
        $"发票{invoiceNumber}已被{claimedBy}使用，同一发票只能兑付一次。",
        $"Invoice {invoiceNumber} is already claimed by {claimedBy}; an invoice is redeemed once.");
}
