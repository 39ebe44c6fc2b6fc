namespace ProjectWorkflow.Web.Health;

/// <summary>Closed until the database is migrated and seeded; readiness reports it.</summary>
public sealed class StartupGate
{
    private volatile bool _open;

    public bool IsOpen => _open;

    public void Open() => _open = true;
}
