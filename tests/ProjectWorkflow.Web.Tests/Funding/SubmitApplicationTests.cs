using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Invoices;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// SubmitApplication: an invoice is funded once, across every scheme, even when two enterprises submit it at the same
/// moment — the invoice-claim table's unique index lets one claim through and the other is refused by the rule.
/// (The rules one by one are in <see cref="RefusalTests"/>; a submission's whole road in the story tests.)
/// </summary>
public sealed class SubmitApplicationTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TwoEnterprises_SubmittingTheSameInvoiceAtOnce_OneIsSubmitted_TheOtherRefusedWithNothingStarted()
    {
        var invoice = $"RACE-{Guid.NewGuid():N}"[..20];
        using var first = await NewEnterpriseClerkAsync();
        using var second = await NewEnterpriseClerkAsync();
        // Green-park takes applications all year; the same invoice is typed differently by each clerk.
        var a = (await SubmitReadyAsync(first, "green-park", Project($"Heat pumps {Guid.NewGuid():N}"[..30], invoices: [invoice]))).GetProperty("id").GetGuid();
        var b = (await SubmitReadyAsync(second, "green-park", Project($"Solar roof {Guid.NewGuid():N}"[..30], invoices: [" " + invoice.ToLowerInvariant()]))).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(SubmitAsync(first, a), SubmitAsync(second, b));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, r => r.StatusCode != HttpStatusCode.OK);
        var problem = await ProblemAssert.IsProblemAsync(loser, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ProjectAlreadyFunded", problem.GetProperty("rule").GetString());
        Assert.Contains(InvoiceNumber.Normalise(invoice), problem.GetProperty("detail").GetString());

        var (winnerId, loserId, loserClient) = answers[0].StatusCode == HttpStatusCode.OK ? (a, b, second) : (b, a, first);
        var lost = await ApplicationAsync(loserClient, loserId);
        Assert.Equal("draft", lost.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, lost.GetProperty("instanceId").ValueKind);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        Assert.False(await db.Set<InstanceRecord>().AnyAsync(i => i.BusinessKey == lost.GetProperty("number").GetString()));
        var claim = Assert.Single(await db.Set<InvoiceClaim>().Where(c => c.InvoiceNumber == InvoiceNumber.Normalise(invoice)).ToListAsync());
        Assert.Equal(winnerId, claim.ClaimantId);
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondClaimOfOneInvoice_WhateverItsClaimant()
    {
        var invoice = $"ONCE-{Guid.NewGuid():N}"[..20];
        var now = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            db.Add(InvoiceClaim.For(invoice, ClaimantKinds.Application, Guid.NewGuid(), "TU-2026-9998", "tech-upgrade", now));
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            db.Add(InvoiceClaim.For("ｏｎｃｅ" + invoice[4..], ClaimantKinds.Voucher, Guid.NewGuid(), "V-2026-0001", "voucher", now));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    private async Task<HttpClient> NewEnterpriseClerkAsync()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var userName = $"racer{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "Clerk", password = "Clerk#2026pw", roles = new[] { "enterprise" } })).StatusCode);
        var clerk = await app.CreateClientForAsync(userName, "Clerk#2026pw");
        var registered = await clerk.PostAsJsonAsync("/api/enterprises", new { uscc = NewUscc(), name = $"Racer {userName}", address = "Pudong" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return clerk;
    }

    private static string NewUscc()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first = "9131" + new string(Enumerable.Range(0, 13).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return first + ProjectWorkflow.Funding.Enterprises.Uscc.CheckCharacter(first);
    }
}
