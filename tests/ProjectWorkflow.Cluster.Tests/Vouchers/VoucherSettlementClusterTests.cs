using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Cluster.Tests.Messaging;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Cluster.Tests.Vouchers;

/// <summary>
/// A quarter's voucher claims settled on two nodes at once: three providers, two schemes, two claims each, walked over
/// the API (granted, ordered, delivered, claimed, approved); their notices are dated back into the quarter that ended,
/// as time would have left them. Both nodes run the settlement at the same moment, several times; finance releases
/// every settlement on node A, which is killed while the bank is answering; node B finishes. Every claim is paid
/// exactly once, one treasury payment per settlement, the ledger balanced, and a retry opens and pays nothing more.
/// </summary>
[Collection(VoucherClusterCollection.Name)]
public sealed class VoucherSettlementClusterTests(VoucherCluster cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private static readonly string[] Schemes = ["innovation-voucher", "four-new-voucher"];

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string NewUscc()
    {
        var code = "9131" + $"{Guid.NewGuid():N}"[..13].ToUpperInvariant();
        return code + Uscc.CheckCharacter(code);
    }

    [RabbitMqFact]
    public async Task TwoNodesSettleAQuartersClaims_AndANodeKilledMidPayment_LeavesEveryClaimPaidExactlyOnce()
    {
        using var admin = await cluster.A.CreateClientForAsync("admin1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        using var enterprise = await cluster.A.CreateClientForAsync("enterprise1");
        using var approver = await cluster.B.CreateClientForAsync("approver1");
        using var financeA = await cluster.A.CreateClientForAsync("finance1");
        using var financeB = await cluster.B.CreateClientForAsync("finance1");
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

        // Three vetted providers: the demo provider and two that register now.
        var providers = new List<(Guid Id, HttpClient Client)>();
        var demo = (await (await enterprise.GetAsync("/api/vouchers/providers")).Content.ReadFromJsonAsync<JsonElement[]>())!
            .First(p => p.GetProperty("uscc").GetString() == ProjectWorkflow.Application.Vouchers.DemoProviderSeed.Uscc).GetProperty("id").GetGuid();
        providers.Add((demo, await cluster.A.CreateClientForAsync("provider1")));
        for (var i = 1; i <= 2; i++)
        {
            var user = $"cluster-provider{i}";
            await PostAsync(admin, "/api/users/", new { userName = user, displayName = $"Cluster Lab {i}", password = "Cluster#2026x", roles = new[] { "provider" } }, HttpStatusCode.Created);
            var client = await cluster.B.CreateClientForAsync(user, "Cluster#2026x");
            var registered = await PostAsync(client, "/api/vouchers/providers", new
            {
                uscc = NewUscc(), name = $"Cluster Lab {i}", legalRepresentative = $"Lab Head {i}", bankName = "Bank of Shanghai", accountNumber = $"62220210010088{i:00}",
            }, HttpStatusCode.Created);
            var id = registered.GetProperty("id").GetGuid();
            await PostAsync(admin, $"/api/vouchers/providers/{id}/vet", new { });
            providers.Add((id, client));
        }

        // One quota per scheme; two claims per provider and scheme, each a different amount, to the fen.
        var claims = new List<(Guid Id, long Fen)>();
        var n = 0;
        foreach (var scheme in Schemes)
        {
            var quota = await PostAsync(enterprise, "/api/vouchers/quotas", new
            {
                schemeKey = scheme, year, applicantKind = "certified-sme", requestedFen = 10_000_000L, certificateNumber = "202631011500042", legalRepresentative = "Zhou Demo",
            }, HttpStatusCode.Created);
            var quotaId = quota.GetProperty("id").GetGuid();
            await PostAsync(approver, $"/api/vouchers/quotas/{quotaId}/decision", new { grant = true, grantedFen = 10_000_000L });
            foreach (var (providerId, client) in providers)
                for (var k = 0; k < 2; k++)
                {
                    n++;
                    var share = 500_000L + n * 1_001;
                    var item = scheme == "innovation-voucher" ? "product-testing" : "digital-diagnosis";
                    var orderId = (await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId, itemKey = item, contractValueFen = share * 2 + 1, voucherShareFen = share },
                        HttpStatusCode.Created)).GetProperty("id").GetGuid();
                    await PostAsync(client, $"/api/vouchers/orders/{orderId}/answer", new { accept = true });
                    await PostAsync(client, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = $"Report CL-{n}" });
                    await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { });
                    var claim = await PostAsync(client, "/api/vouchers/claims", new { orderId, invoiceNumber = $"CL-{Guid.NewGuid():N}"[..20], contract = "Contract", paymentProof = "Bank slip" },
                        HttpStatusCode.Created);
                    var claimId = claim.GetProperty("id").GetGuid();
                    await PostAsync(approver, $"/api/vouchers/claims/{claimId}/review", new { approve = true });
                    claims.Add((claimId, share));
                }
        }

        var ids = claims.Select(c => c.Id).ToList();
        await ClaimNotices.EndInTheQuarterThatEndedAsync(cluster, ids, DateTimeOffset.UtcNow);

        // Both nodes run the settlement at once, three times each: one settlement per provider and scheme.
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? admin : adminB).PostAsJsonAsync("/api/vouchers/settlement-runs", new { })));
        foreach (var run in runs)
            Assert.True(run.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"a settlement run answered {(int)run.StatusCode}: {await run.Content.ReadAsStringAsync()}{cluster.A.Tail()}{cluster.B.Tail()}");
        Assert.Empty((await PostAsync(adminB, "/api/vouchers/settlement-runs", new { })).GetProperty("opened").EnumerateArray());
        var settlements = await cluster.QueryAsync(db => db.Set<VoucherSettlement>().AsNoTracking().ToListAsync());
        Assert.Equal(providers.Count * Schemes.Length, settlements.Count);
        Assert.All(settlements, s => Assert.Equal(2, s.ClaimCount));
        Assert.Equal(claims.Sum(c => c.Fen), settlements.Sum(s => s.AmountFen));

        // Finance releases every settlement on node A; the bank takes 3 s; node A dies meanwhile.
        foreach (var settlement in settlements)
            await PostAsync(financeA, $"/api/vouchers/settlements/{settlement.Id}/release", new { });
        await cluster.KillAAsync();

        var until = DateTime.UtcNow + Deadline;
        foreach (var settlement in settlements)
            while ((await financeB.GetFromJsonAsync<JsonElement>($"/api/vouchers/settlements/{settlement.Id}")).GetProperty("status").GetString() != "paid")
            {
                if (DateTime.UtcNow > until) throw new TimeoutException($"Settlement {settlement.Id} was not paid through node B.{cluster.B.Tail()}");
                await Task.Delay(250);
            }

        // The work retried on node B: nothing more is opened, released or paid.
        Assert.Empty((await PostAsync(adminB, "/api/vouchers/settlement-runs", new { })).GetProperty("opened").EnumerateArray());
        foreach (var settlement in settlements)
            Assert.Equal(HttpStatusCode.Conflict, (await financeB.PostAsJsonAsync($"/api/vouchers/settlements/{settlement.Id}/release", new { })).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(4));

        // Every claim paid once, on one settlement; one treasury payment per settlement, of its amount; attempt 1.
        var paidClaims = await cluster.QueryAsync(db => db.Set<RedemptionClaim>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
        Assert.All(paidClaims, c => Assert.Equal(RedemptionClaimStatus.Paid, c.Status));
        Assert.Equal(ids.Count, paidClaims.Select(c => c.SettlementId).Count(s => s is not null));
        var finalSettlements = await cluster.QueryAsync(db => db.Set<VoucherSettlement>().AsNoTracking().ToListAsync());
        Assert.All(finalSettlements, s => Assert.Equal((VoucherSettlementStatus.Paid, 1), (s.Status, s.Attempt)));
        var orderKeys = finalSettlements.Select(s => s.TreasuryOrderKey).ToList();
        var payments = await cluster.QueryAsync(db => db.Set<TreasuryPayment>().AsNoTracking().Where(p => orderKeys.Contains(p.OrderKey)).ToListAsync());
        Assert.Equal(finalSettlements.Count, payments.Count);
        foreach (var s in finalSettlements)
            Assert.Equal(s.AmountFen, Assert.Single(payments, p => p.OrderKey == s.TreasuryOrderKey).AmountFen);

        // The ledger: one pay entry per settlement and quota, paid to the fen, every voucher entry balanced.
        var budgetIds = await cluster.QueryAsync(db => db.Set<Budget>().Where(b => b.Kind == BudgetKinds.Voucher && b.Year == year).Select(b => b.Id).ToListAsync());
        var payEntries = await cluster.QueryAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.Reference.StartsWith("voucher-pay:")));
        Assert.Equal(finalSettlements.Count, payEntries);
        var quotaIds = await cluster.QueryAsync(db => db.Set<RedemptionClaim>().Where(c => ids.Contains(c.Id)).Select(c => c.QuotaId).Distinct().ToListAsync());
        var paid = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.ApplicationId != null && quotaIds.Contains(p.ApplicationId.Value) && p.Account == "Paid").SumAsync(p => p.AmountFen));
        Assert.Equal(claims.Sum(c => c.Fen), paid);
        var unbalanced = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>().Where(p => budgetIds.Contains(p.BudgetId))
            .GroupBy(p => p.EntryId).Where(g => g.Sum(p => p.AmountFen) != 0).CountAsync());
        Assert.Equal(0, unbalanced);
        var verified = await adminB.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
    }
}
