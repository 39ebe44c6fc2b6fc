using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// A test about PostgreSQL itself: run on the PostgreSQL pass (<c>PW_TEST_DB_PROVIDER=PostgreSql</c>, as
/// <c>infra/scripts/test.sh</c> runs the web tests a second time), skipped, saying so, on the SQLite pass.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (DatabaseProvider.Normalise(Environment.GetEnvironmentVariable(TestDatabase.ProviderVariable)) != DatabaseProvider.PostgreSql)
            Skip = $"About PostgreSQL: runs with {TestDatabase.ProviderVariable}=PostgreSql (infra/scripts/test.sh's second pass).";
    }
}
