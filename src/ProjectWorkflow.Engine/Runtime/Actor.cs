namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Who asks for a command: a user id and the groups (roles) they belong to.</summary>
public sealed record Actor(string Id, IReadOnlyCollection<string> Groups)
{
    public static Actor System { get; } = new("system", []);

    public static Actor User(string id, params string[] groups) => new(id, groups);

    public bool InAnyGroup(IEnumerable<string> groups)
    {
        foreach (var g in groups)
            if (Groups.Contains(g, StringComparer.Ordinal)) return true;
        return false;
    }
}
