using Microsoft.Data.Sqlite;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// The SQLite database file is created before SQLite opens it, readable and writable by the app's user only (0600):
/// SQLite would create it with the process's umask (usually world-readable), and it holds every application, bank
/// account and user of the fund. SQLite gives its <c>-wal</c> and <c>-shm</c> files the database file's permissions;
/// a file (or those companions) left readable by others from an older start is narrowed to 0600 too.
/// </summary>
public static class SqliteFile
{
    public static void Prepare(string connectionString)
    {
        if (OperatingSystem.IsWindows())
            return;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrWhiteSpace(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;

        var path = Path.GetFullPath(source);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
            DataDirectory.CreatePrivate(folder);
        if (!File.Exists(path))
        {
            try
            {
                using (new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = DataDirectory.PrivateFile,
                }))
                {
                }
                // An empty file is a database with no header yet; EF opens it read-only to look for tables, where
                // switching to WAL would fail. Written once here, WAL is the file's mode from the start.
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                command.ExecuteNonQuery();
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it at the same moment: narrowed below like any existing file.
            }
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~DataDirectory.PrivateFile) != 0)
                File.SetUnixFileMode(file, DataDirectory.PrivateFile);
        }
    }
}
