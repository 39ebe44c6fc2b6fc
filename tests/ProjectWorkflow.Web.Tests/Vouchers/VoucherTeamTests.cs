using System.Net;
using System.Net.Http.Json;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Vouchers.VoucherApi;

namespace ProjectWorkflow.Web.Tests.Vouchers;

/// <summary>
/// A team (创业团队) has no record of its own, and none is needed: a founder with no enterprise registered applies for
/// the team of three in an incubator, holds the quota and orders with it. The team is its name (spacing and case aside)
/// for the per-team cap, and its members' ID numbers for drawing twice; what is missing is refused in words.
/// </summary>
public sealed class VoucherTeamTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string Founder = "founder1";
    private static readonly string[] Members = ["310101199001011234", "310101199202022345", "31010119930303345X"];

    private static object Team(string name, string[] members, long fen, string place = "incubator") => new
    {
        schemeKey = "innovation-voucher", year = 2026, applicantKind = "team", requestedFen = fen,
        legalRepresentative = "Gu Founder", teamName = name, teamPlace = place, members,
    };

    [Fact]
    public async Task AFounderWithoutAnEnterprise_AppliesForTheTeam_HoldsTheQuota_AndOrdersWithIt_WithinTheTeamsCap()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var created = await admin.PostAsJsonAsync("/api/users/", new { userName = Founder, displayName = "Gu Founder", password = DemoUsers.Password, roles = new[] { "enterprise" } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var founder = await app.CreateClientForAsync(Founder);
        using var approver = await app.CreateClientForAsync("approver1");
        using var provider = await app.CreateClientForAsync("provider1");

        // Refused in words: a team without a name (400 naming the field), of two, outside an incubator; a certified SME
        // needs the enterprise it acts for registered first.
        await FieldRefusedAsync(await founder.PostAsJsonAsync("/api/vouchers/quotas", Team(" ", Members, 1_000_000)), "teamName");
        await RefusedByAsync(await founder.PostAsJsonAsync("/api/vouchers/quotas", Team("Aurora Robotics", Members[..2], 1_000_000)), "VoucherEligibility");
        await RefusedByAsync(await founder.PostAsJsonAsync("/api/vouchers/quotas", Team("Aurora Robotics", Members, 1_000_000, place: "garage")), "VoucherEligibility");
        await FieldRefusedAsync(await founder.PostAsJsonAsync("/api/vouchers/quotas", new
        {
            schemeKey = "innovation-voucher", year = 2026, applicantKind = "certified-sme", requestedFen = 1_000_000, certificateNumber = "202631011500099", legalRepresentative = "Gu Founder",
        }), "applicantKind");

        // The team's quota: the whole per-team cap (10万), granted and reserved; the founder holds it.
        var quota = await PostAsync(founder, "/api/vouchers/quotas", Team("Aurora Robotics", Members, 10_000_000), HttpStatusCode.Created);
        Assert.Equal("team", quota.GetProperty("applicantKind").GetString());
        Assert.Equal(JsonValueKindNull, quota.GetProperty("enterpriseId").ValueKind);
        var quotaId = quota.GetProperty("id").GetGuid();
        Assert.Equal("granted", (await PostAsync(approver, $"/api/vouchers/quotas/{quotaId}/decision", new { grant = true, grantedFen = 10_000_000 })).GetProperty("status").GetString());
        Assert.Contains((await GetAsync(founder, "/api/vouchers/quotas")).EnumerateArray(), q => q.GetProperty("id").GetGuid() == quotaId);

        // The same team under its name spelled otherwise, with other members, is still the same team: one fen over its cap.
        await RefusedByAsync(await founder.PostAsJsonAsync("/api/vouchers/quotas",
            Team("  aurora   ROBOTICS ", ["310101198801011111", "310101198802022222", "310101198803033333"], 1)), "VoucherQuotaCap");
        // A member of the team cannot draw again through another team.
        await RefusedByAsync(await founder.PostAsJsonAsync("/api/vouchers/quotas",
            Team("Borealis Labs", [Members[0], "310101198801011111", "310101198802022222"], 1_000_000)), "TeamMemberAlreadyDrawn");

        // The founder orders with the team's quota; the provider sees and accepts the order.
        var providerId = await DemoProviderAsync(founder);
        var order = await PostAsync(founder, "/api/vouchers/orders", new { quotaId, providerId, itemKey = "product-testing", contractValueFen = 3_000_000L, voucherShareFen = 1_500_000L }, HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal("accepted", (await PostAsync(provider, $"/api/vouchers/orders/{orderId}/answer", new { accept = true })).GetProperty("status").GetString());
        Assert.Equal(8_500_000, (await GetAsync(founder, $"/api/vouchers/quotas/{quotaId}")).GetProperty("remainingFen").GetInt64());
        // enterprise1, of another enterprise, does not see the team's quota.
        using var other = await app.CreateClientForAsync("enterprise1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/vouchers/quotas/{quotaId}")).StatusCode);
    }

    /// <summary>400 naming <paramref name="field"/>.</summary>
    private static async Task FieldRefusedAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
