using ProjectWorkflow.Application.Audit;

namespace ProjectWorkflow.Web.Audit;

/// <summary>
/// <c>dotnet ProjectWorkflow.Web.dll audit verify</c>: verifies the audit log against the configured database and keys,
/// prints the verdict and exits 0 when it holds, 1 naming the first broken entry when it does not, 2 when it cannot run.
/// </summary>
public static class AuditCommandLine
{
    public static bool Requested(string[] args) =>
        args.Length >= 2 && args[0].Equals("audit", StringComparison.OrdinalIgnoreCase) && args[1].Equals("verify", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var verdict = await scope.ServiceProvider.GetRequiredService<VerifyAuditLog>().HandleAsync(cancellationToken);
            if (verdict.Verified)
            {
                await output.WriteLineAsync($"Audit log verified: {verdict.Entries} entries, the chain and the rows it vouches for are intact.");
                return 0;
            }
            await output.WriteLineAsync(verdict.FirstBrokenEntry is { } entry
                ? $"Audit log BROKEN at entry {entry} (of {verdict.Entries}): {verdict.Problem}"
                : $"Audit log BROKEN ({verdict.Entries} entries): {verdict.Problem}");
            return 1;
        }
        catch (Exception failure) when (failure is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException
                                            or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"Audit log could not be verified: {failure.Message}");
            return 2;
        }
    }
}
