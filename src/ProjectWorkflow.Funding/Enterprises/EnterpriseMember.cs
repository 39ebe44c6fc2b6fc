namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>A user who acts for an enterprise; a user acts for one enterprise at most.</summary>
public sealed class EnterpriseMember
{
    private EnterpriseMember() { }

    internal EnterpriseMember(Guid enterpriseId, string userName)
    {
        EnterpriseId = enterpriseId;
        UserName = userName;
    }

    public long Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public string UserName { get; private set; } = "";
}
