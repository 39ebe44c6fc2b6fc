using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// The app on a SQLite file of its own, whatever database the other tests use, in a folder the test can take away
/// and bring back; its log lines kept.
/// </summary>
public sealed class OperatedApp : PortalApp
{
    public const int RetryAfterSeconds = 7;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "projectworkflow-tests", $"outage-{Guid.NewGuid():N}");

    protected override bool RunsJobServer => false;

    public RecordedLog Log { get; } = new();

    private string DatabaseFolder => Path.Combine(_folder, "database");

    private string AwayFolder => Path.Combine(_folder, "away");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ProjectWorkflow"] = $"Data Source={Path.Combine(DatabaseFolder, "projectworkflow.db")}",
            [ProjectWorkflow.Web.Errors.DatabaseUnavailable.RetryAfterSetting] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    /// <summary>The database's folder disappears: pooled connections are closed, and a new one cannot open the file.</summary>
    public void TakeDatabaseAway()
    {
        SqliteConnection.ClearAllPools();
        Directory.Move(DatabaseFolder, AwayFolder);
        SqliteConnection.ClearAllPools();
    }

    public void BringDatabaseBack()
    {
        SqliteConnection.ClearAllPools();
        Directory.Move(AwayFolder, DatabaseFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
