namespace ProjectWorkflow.Application.Enterprises;

/// <summary>A registered enterprise, known by its unified social credit code, and the users who act for it.</summary>
public sealed class EnterpriseRecord
{
    public Guid Id { get; set; }
    public string Uscc { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    public List<EnterpriseMemberRecord> Members { get; set; } = [];
}

/// <summary>A user who acts for an enterprise; a user acts for one enterprise at most.</summary>
public sealed class EnterpriseMemberRecord
{
    public long Id { get; set; }
    public Guid EnterpriseId { get; set; }
    public string UserName { get; set; } = "";
}
