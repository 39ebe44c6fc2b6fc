using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace ProjectWorkflow.Benchmarks.Persisted;

/// <summary>PostgreSQL's own yardstick beside ours: <c>pgbench</c> with a one-row INSERT script, when it is on the PATH.</summary>
internal static partial class PgBench
{
    public static double? Run(string connectionString, int clients, int seconds = 10)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var script = Path.GetTempFileName();
        File.WriteAllText(script, "\\set id random(1, 2000000000)\nINSERT INTO bench_pgbench (id, at) VALUES (:id, now());\n");
        try
        {
            var start = new ProcessStartInfo("pgbench")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", clients.ToString(CultureInfo.InvariantCulture),
                         "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "-h", builder.Host ?? "127.0.0.1", "-p", builder.Port.ToString(CultureInfo.InvariantCulture),
                         "-U", builder.Username ?? "postgres", builder.Database ?? "postgres" })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var match = Tps().Match(output);
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pgbench on this machine
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
