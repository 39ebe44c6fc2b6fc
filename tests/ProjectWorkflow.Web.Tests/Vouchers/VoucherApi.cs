using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>The calls a voucher story makes, each asserting the call worked (refusals are asserted where they are the story).</summary>
public static class VoucherApi
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await client.PostAsJsonAsync(url, body), expected);

    public static async Task<JsonElement> GetAsync(HttpClient client, string url) => await ReadAsync(await client.GetAsync(url));

    /// <summary>Refused by the named rule: 422 with the rule's name and its Chinese and English sentences.</summary>
    public static async Task RefusedByAsync(HttpResponseMessage response, string rule)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messageZh").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messageEn").GetString()));
    }

    public static async Task<JsonElement> GrantedQuotaAsync(HttpClient enterprise, HttpClient approver, string scheme, long fen, string legalRepresentative = "Zhou Demo", int year = 2026)
    {
        var quota = await PostAsync(enterprise, "/api/vouchers/quotas", new
        {
            schemeKey = scheme, year, applicantKind = "certified-sme", requestedFen = fen,
            certificateNumber = "202631011500042", legalRepresentative,
        }, HttpStatusCode.Created);
        Assert.Equal("applied", quota.GetProperty("status").GetString());
        var granted = await PostAsync(approver, $"/api/vouchers/quotas/{quota.GetProperty("id").GetGuid()}/decision", new { grant = true, grantedFen = fen });
        Assert.Equal("granted", granted.GetProperty("status").GetString());
        return granted;
    }

    public static async Task<Guid> DemoProviderAsync(HttpClient client) =>
        (await GetAsync(client, "/api/vouchers/providers")).EnumerateArray().First(p => p.GetProperty("uscc").GetString() == DemoProviderSeed.Uscc).GetProperty("id").GetGuid();

    public static async Task<JsonElement> BudgetAsync(HttpClient finance, string scheme) =>
        (await GetAsync(finance, "/api/vouchers/budgets")).EnumerateArray().First(b => b.GetProperty("schemeKey").GetString() == scheme && b.GetProperty("year").GetInt32() == 2026);

    /// <summary>Lets the claim's notice pass, then moves the clock to the first morning of the next settlement cycle (quarterly).</summary>
    public static async Task AdvanceToNextQuarterAsync(FundingApp app)
    {
        await app.AdvanceAsync(TimeSpan.FromDays(7));
        var today = ShanghaiDate.Of(app.Clock.GetUtcNow());
        var nextQuarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
        var target = new DateTimeOffset(nextQuarter.ToDateTime(new TimeOnly(10, 0)), ShanghaiDate.Offset);
        await app.AdvanceAsync(target - app.Clock.GetUtcNow());
    }

    /// <summary>
    /// One innovation-voucher claim walked to a settlement due: <paramref name="approver"/> grants the quota and approves
    /// the claim (on the quota of <paramref name="year"/>), the demo provider delivers and claims, the quarter passes and the
    /// settlement run opens it.
    /// </summary>
    public static async Task<JsonElement> DueSettlementAsync(FundingApp app, HttpClient approver, string invoice, long contractFen = 2_000_000, long shareFen = 1_000_000, int year = 2026)
    {
        using var enterprise = await app.CreateClientForAsync("enterprise1");
        using var provider = await app.CreateClientForAsync("provider1");
        using var admin = await app.CreateClientForAsync("admin1");
        var quotaId = (await GrantedQuotaAsync(enterprise, approver, "innovation-voucher", 10_000_000, year: year)).GetProperty("id").GetGuid();
        var providerId = await DemoProviderAsync(enterprise);
        var orderId = (await PostAsync(enterprise, "/api/vouchers/orders", new { quotaId, providerId, itemKey = "product-testing", contractValueFen = contractFen, voucherShareFen = shareFen },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true });
        await PostAsync(provider, $"/api/vouchers/orders/{orderId}/delivery", new { deliverable = "Test report" });
        await PostAsync(enterprise, $"/api/vouchers/orders/{orderId}/delivery-confirmation", new { });
        var claimId = (await PostAsync(provider, "/api/vouchers/claims", new { orderId, invoiceNumber = invoice, contract = "Contract", paymentProof = "Bank slip" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(approver, $"/api/vouchers/claims/{claimId}/review", new { approve = true });
        await AdvanceToNextQuarterAsync(app);
        var run = await PostAsync(admin, "/api/vouchers/settlement-runs", new { });
        return Assert.Single(run.GetProperty("opened").EnumerateArray());
    }

    public static async Task<T> InScopeAsync<T>(FundingApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
