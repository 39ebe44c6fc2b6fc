namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// A cluster test needs a real PostgreSQL server. infra/scripts/test.sh always starts one and sets
/// PW_TEST_DB_CONNECTION; a plain <c>dotnet test</c> without it skips these tests and says why.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ClusterDatabase.ConnectionVariable)))
            Skip = $"Cluster tests need PostgreSQL: set {ClusterDatabase.ConnectionVariable} to a server connection string (infra/scripts/test.sh does).";
    }
}
