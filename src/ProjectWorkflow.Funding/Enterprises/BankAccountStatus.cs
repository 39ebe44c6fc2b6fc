namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>Where a bank account request stands: waiting, approved (the registered account), rejected, or replaced by a newer approval.</summary>
public enum BankAccountStatus
{
    Pending,
    Approved,
    Rejected,
    Replaced,
}

/// <summary>Bank account statuses as the API and the database spell them: the one mapping, both ways.</summary>
public static class BankAccountStatusText
{
    private static readonly Dictionary<BankAccountStatus, string> Texts = new()
    {
        [BankAccountStatus.Pending] = "pending",
        [BankAccountStatus.Approved] = "approved",
        [BankAccountStatus.Rejected] = "rejected",
        [BankAccountStatus.Replaced] = "replaced",
    };

    private static readonly Dictionary<string, BankAccountStatus> Statuses = Texts.ToDictionary(t => t.Value, t => t.Key, StringComparer.Ordinal);

    public static string Of(BankAccountStatus status) => Texts[status];

    public static BankAccountStatus Parse(string text) =>
        Statuses.TryGetValue(text, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(text), text, "Unknown bank account status.");
}
