using Npgsql;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>A fresh database <c>pw_cluster_&lt;guid&gt;</c> on the server of PW_TEST_DB_CONNECTION, shared by the nodes of one test, dropped afterwards.</summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    public const string ConnectionVariable = "PW_TEST_DB_CONNECTION";

    private readonly string _server;
    private readonly string _name;

    private ClusterDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? throw new InvalidOperationException($"{ConnectionVariable} is not set.");
        var name = $"pw_cluster_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Its own pool: the nodes are other processes, and these tests only create and drop.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new ClusterDatabase(server, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        // FORCE: a killed node may leave a connection the server has not noticed yet.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
