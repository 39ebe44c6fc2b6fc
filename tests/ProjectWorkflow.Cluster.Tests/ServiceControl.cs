using System.Diagnostics;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// Stops and starts the services <c>infra/scripts/test.sh</c> started for the tests, through the same scripts
/// (<c>infra/scripts/rabbitmq.sh</c>, <c>infra/scripts/postgres.sh</c>): their paths and folders come as variables.
/// </summary>
public static class ServiceControl
{
    public const string RabbitMqControlVariable = "PW_TEST_RABBITMQ_CONTROL";
    public const string RabbitMqDirectoryVariable = "PW_TEST_RABBITMQ_DIR";
    public const string PostgresControlVariable = "PW_TEST_POSTGRES_CONTROL";
    public const string PostgresDirectoryVariable = "PW_TEST_POSTGRES_DIR";

    /// <summary>The folder of PostgreSQL's programs (pg_dump, pg_restore), for the backup test.</summary>
    public const string PostgresBinVariable = "PW_TEST_PG_BIN";

    public static bool CanControlRabbitMq => Variable(RabbitMqControlVariable) is not null && Variable(RabbitMqDirectoryVariable) is not null;
    public static bool CanControlPostgres => Variable(PostgresControlVariable) is not null && Variable(PostgresDirectoryVariable) is not null;
    public static string? PostgresBin => Variable(PostgresBinVariable);

    /// <summary><c>stop-broker</c> or <c>start</c>.</summary>
    public static Task RabbitMqAsync(string command) => RunAsync(RabbitMqControlVariable, RabbitMqDirectoryVariable, command);

    /// <summary><c>restart-immediate</c>, <c>stop-immediate</c> or <c>start</c>.</summary>
    public static Task PostgresAsync(string command) => RunAsync(PostgresControlVariable, PostgresDirectoryVariable, command);

    /// <summary>Runs a program and fails, quoting its output, unless it exits with 0.</summary>
    public static async Task<string> ExecAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    private static Task RunAsync(string scriptVariable, string directoryVariable, string command)
    {
        var script = Variable(scriptVariable) ?? throw new InvalidOperationException($"{scriptVariable} is not set: the test cannot stop and start the service.");
        var directory = Variable(directoryVariable) ?? throw new InvalidOperationException($"{directoryVariable} is not set.");
        return ExecAsync("bash", script, command, directory);
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
