using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// On PostgreSQL a node prepares the statements it runs again and again (Npgsql's automatic preparation), unless the
/// operator's connection string says otherwise; the rest of the string is kept as given. On the PostgreSQL pass the app's
/// own connection is seen holding prepared statements after a query ran a few times.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class PostgresAutoPrepareTests(PortalApp app)
{
    [Theory]
    [InlineData("Host=db.internal;Port=5433;Database=pw;Username=pw;Password=S3cret;Pooling=true", 64, 2)]
    [InlineData("Host=db.internal;Database=pw;Max Auto Prepare=0", 0, 5)]
    [InlineData("Host=db.internal;Database=pw;MaxAutoPrepare=10;Auto Prepare Min Usages=3", 10, 3)]
    public void TheConnectionString_PreparesTheStatementsUsedOften_UnlessTheOperatorSaidHow(string given, int maxStatements, int minUsages)
    {
        var used = new NpgsqlConnectionStringBuilder(PostgresAutoPrepare.Apply(given));
        var original = new NpgsqlConnectionStringBuilder(given);

        Assert.Equal(maxStatements, used.MaxAutoPrepare);
        Assert.Equal(minUsages, used.AutoPrepareMinUsages);
        Assert.Equal((original.Host, original.Port, original.Database, original.Username, original.Password, original.Pooling),
            (used.Host, used.Port, used.Database, used.Username, used.Password, used.Pooling));
    }

    [PostgresFact]
    public async Task OnPostgreSql_AQueryRunAFewTimes_IsPreparedOnItsConnection()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            for (var i = 0; i < 3; i++)
                Assert.True(await db.Set<AuditHead>().AsNoTracking().AnyAsync(h => h.Id == AuditHead.TheOnlyId));
            var prepared = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
            Assert.True(prepared > 0, "no statement of this connection is prepared");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
