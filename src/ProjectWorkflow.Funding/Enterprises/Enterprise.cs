namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>A registered enterprise, known by its unified social credit code, and the users who act for it.</summary>
public sealed class Enterprise
{
    private readonly List<EnterpriseMember> _members = [];

    private Enterprise() { }

    public Guid Id { get; private set; }
    public string Uscc { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public IReadOnlyList<EnterpriseMember> Members => _members;

    /// <summary>A user registers the enterprise they act for; they are its first member (unless <paramref name="firstMember"/> is named: the demo seed).</summary>
    public static Enterprise Register(Uscc uscc, string name, string address, string registeredBy, DateTimeOffset now, string? firstMember = null)
    {
        var enterprise = new Enterprise
        {
            Id = Guid.NewGuid(),
            Uscc = uscc.Value,
            Name = name.Trim(),
            Address = address.Trim(),
            RegisteredAt = now,
            RegisteredBy = registeredBy,
        };
        enterprise.AddMember(firstMember ?? registeredBy);
        return enterprise;
    }

    public bool HasMember(string userName) => _members.Any(m => m.UserName == userName);

    /// <summary>Another user acts for the enterprise (a user acts for one enterprise at most: the database holds that across enterprises).</summary>
    public void AddMember(string userName)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("Name the user who acts for the enterprise.", nameof(userName));
        if (!HasMember(userName)) _members.Add(new EnterpriseMember(Id, userName));
    }

    /// <summary>The enterprise asks to have its installments paid to an account; it waits for the fund's staff.</summary>
    public EnterpriseBankAccount RequestBankAccount(string bankName, string accountNumber, string requestedBy, DateTimeOffset now) =>
        EnterpriseBankAccount.Requested(Id, bankName, accountNumber, requestedBy, now);
}
