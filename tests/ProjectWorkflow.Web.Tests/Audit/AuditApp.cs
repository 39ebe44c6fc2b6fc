using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Web.Tests.Messaging;

namespace ProjectWorkflow.Web.Tests.Audit;

/// <summary>
/// The app with its own audit log (no other test class tampers with it), the treasury simulator off so the tests
/// play the bank. Every tampering test puts the rows back, so the next test starts from a log that verifies.
/// </summary>
public sealed class AuditApp : MessagingApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Treasury:Simulator:Enabled", "false");
    }

    public Task AnswerAsync(object answer) => Services.GetRequiredService<IBus>().Publish(answer);

    public async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditLog>().HandleAsync(CancellationToken.None);
    }

    public async Task<JsonElement> VerifyOverHttpAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/audit/verify");

    /// <summary>An entry well inside the log (others may be appended meanwhile by jobs, never before it).</summary>
    public Task<AuditEntry> EntryAsync(long sequence) =>
        QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == sequence));

    public Task<long> LastSequenceAsync() => QueryAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Sequence));
}

[CollectionDefinition(Name)]
public sealed class AuditAppCollection : ICollectionFixture<AuditApp>
{
    public const string Name = "audit app";
}
