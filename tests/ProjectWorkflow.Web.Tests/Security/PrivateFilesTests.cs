using Microsoft.Data.Sqlite;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>Another account on the server reads nothing of the fund: the SQLite files and the key folders are the app user's only.</summary>
[Collection(PortalAppCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests(PortalApp app)
{
    private const UnixFileMode OthersAndGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public void TheRunningAppsDataDirectory_KeysAndDatabaseFiles_AreTheAppUsersOnly()
    {

        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(app.DataDirectory, "keys")) & OthersAndGroup);
        var files = Directory.GetFiles(app.DataDirectory, "*.db*");
        if (app.DatabaseProvider == DatabaseProvider.Sqlite)
            Assert.Contains(files, f => f.EndsWith(DatabaseProvider.SqliteFileName, StringComparison.Ordinal));
        Assert.All(files, file => Assert.Equal(DataDirectory.PrivateFile, File.GetUnixFileMode(file)));
    }

    [Fact]
    public void ANewSqliteFile_AndTheWalAndShmFilesSqliteAdds_Are0600()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pw-private-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "fund.db");
        try
        {
            SqliteFile.Prepare($"Data Source={path}");
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);";
                command.ExecuteNonQuery();
                Assert.True(File.Exists(path + "-wal"), "the file is in WAL mode from the start");
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                    Assert.Equal(DataDirectory.PrivateFile, File.GetUnixFileMode(file));
            }
            Assert.Equal(DataDirectory.PrivateFolder, File.GetUnixFileMode(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AnOlderWorldReadableFile_IsNarrowedTo0600()
    {
        var folder = Directory.CreateTempSubdirectory("pw-private-").FullName;
        var path = Path.Combine(folder, "old.db");
        try
        {
            File.WriteAllBytes(path, []);
            File.SetUnixFileMode(path, DataDirectory.PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            SqliteFile.Prepare($"Data Source={path}");

            Assert.Equal(DataDirectory.PrivateFile, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
