using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// The backup the operations guide prescribes, taken for real: <c>pg_dump --format=custom</c> of the database a running
/// node uses, <c>pg_restore</c> into a fresh database, a new node started on the copy, and what was written before the
/// backup is read back through it — a user, an attachment's bytes (kept in the database on PostgreSQL), an audit
/// chain that verifies and a ledger that reconciles. It backs up the outage cluster's database (whatever its other
/// tests left in it), so it costs one node's start.
/// </summary>
[Collection(OutageClusterCollection.Name)]
public sealed class BackupAndRestoreTests(OutageCluster cluster) : IAsyncLifetime
{    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n45\n%%EOF\n"u8.ToArray();

    private readonly List<IAsyncDisposable> _cleanup = [];
    private readonly string _dump = Path.Combine(Path.GetTempPath(), $"projectworkflow-backup-{Guid.NewGuid():N}.dump");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The node first (it was added after its database), then the database.
        for (var i = _cleanup.Count - 1; i >= 0; i--) await _cleanup[i].DisposeAsync();
        File.Delete(_dump);
    }

    [OutageFact]
    public async Task ABackupOfTheDatabase_RestoredIntoAFreshOne_RunsTheAppWithEverythingWrittenBeforeIt()
    {
        var node = cluster.A;
        using var admin = await node.CreateClientForAsync("admin1");
        using var applicant = await node.CreateClientForAsync("enterprise1");
        var userName = $"restore-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Restored User", password = "Restore#2026x", roles = new[] { "expert" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await applicant.PostAsJsonAsync("/api/applications", new { schemeKey = "tech-upgrade", year = 2026 });
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var applicationId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent { { new StringContent("feasibility-report"), "kind" }, { new ByteArrayContent(Pdf), "file", "feasibility.pdf" } };
        var attached = await applicant.PostAsync($"/api/applications/{applicationId}/attachments", form);
        Assert.True(attached.StatusCode == HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
        var attachmentId = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The backup, taken while the node runs, and its restore into a new database.
        await ServiceControl.ExecAsync(Tool("pg_dump"), [.. Connection(cluster.DatabaseConnectionString), "--format=custom", $"--file={_dump}"]);
        var restored = Track(await ClusterDatabase.CreateAsync());
        await ServiceControl.ExecAsync(Tool("pg_restore"), [.. Connection(restored.ConnectionString), "--no-owner", _dump]);

        var copy = Track(await cluster.StartNodeOnAsync("restored", restored.ConnectionString));
        using var adminOnCopy = await copy.CreateClientForAsync("admin1");
        using var applicantOnCopy = await copy.CreateClientForAsync("enterprise1");
        using var auditorOnCopy = await copy.CreateClientForAsync("auditor1");
        using var financeOnCopy = await copy.CreateClientForAsync("finance1");
        var users = await adminOnCopy.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Single(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == userName);
        using var restoredUser = await copy.CreateClientForAsync(userName, "Restore#2026x");
        var download = await applicantOnCopy.GetAsync($"/api/applications/{applicationId}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var verification = await auditorOnCopy.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verification.GetProperty("verified").GetBoolean(), $"the restored audit chain does not verify: {verification}");
        var reconciliation = await financeOnCopy.PostAsJsonAsync("/api/ledger/reconciliations", new { });
        Assert.True((await reconciliation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clean").GetBoolean());
    }

    private T Track<T>(T disposable) where T : IAsyncDisposable
    {
        _cleanup.Add(disposable);
        return disposable;
    }

    private static string[] Connection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return ["--host", builder.Host!, "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", builder.Username ?? "postgres", "--dbname", builder.Database!, "--no-password"];
    }

    /// <summary>pg_dump or pg_restore of the server's version: from PW_TEST_PG_BIN (test.sh), or the newest installed.</summary>
    private static string Tool(string name)
    {
        var bin = ServiceControl.PostgresBin
            ?? (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderBy(d => d).LastOrDefault() : null)
            ?? throw new InvalidOperationException($"Set {ServiceControl.PostgresBinVariable} to the folder of pg_dump and pg_restore.");
        return Path.Combine(bin, name);
    }
}
