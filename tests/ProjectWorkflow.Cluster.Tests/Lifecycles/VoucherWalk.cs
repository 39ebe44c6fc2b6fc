using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Cluster.Tests.Operations;
using ProjectWorkflow.Cluster.Tests.Vouchers;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>A voucher walked so far: its team's quota (and the quota's process), the order it paid for, the provider's claim.</summary>
public sealed record VoucherFile(Guid Quota, string QuotaNumber, string Scheme, Guid Provider, Guid Order, Guid Claim, long Fen);

/// <summary>A provider's settlement of a scheme for the quarter: the business key of its process and its payment.</summary>
public sealed record SettlementFile(Guid Id, string BusinessKey, int ClaimCount, long AmountFen);

/// <summary>
/// Vouchers taken through their lifecycle over HTTP, as their people take them, each step on node A or B in turn
/// (<see cref="People"/>): a founder applies for a team's quota and the department approver grants it; the founder
/// orders a service with it from one of three vetted providers (the demo provider and two that register for the run),
/// the provider accepts and delivers, the founder confirms the delivery; the provider claims the voucher's share and the
/// approver approves the claim, which is publicly noticed. When the quarter has ended, the settlement run opens one
/// settlement per provider and scheme, finance releases each and the bank pays it. When the year is over, each quota
/// lapses (<see cref="LapseQuotasAsync"/>). Every request goes through a
/// <see cref="PatientClient"/>; a step whose answer was lost with its node or the database (sent again, it finds the
/// work done) is taken as done when what it changed shows it.
/// </summary>
public sealed class VoucherWalk
{
    private static readonly string[] Schemes = ["innovation-voucher", "four-new-voucher"];

    /// <summary>A team's quota: within the per-team cap (¥100,000), above any voucher's share.</summary>
    public const long QuotaFen = 1_500_000L;

    private const string Founder = "enterprise1";
    private const string Approver = "approver1";
    private const string Finance = "finance1";
    private const string Admin = "admin1";
    private const string ProviderPassword = "Cluster#2026x";

    private readonly People _people;
    private readonly PatientClient _patient;
    private readonly TwoNodes _cluster;
    private readonly RehearsalTime _time;
    private readonly TimeSpan _deadline;
    private readonly string _run;
    private readonly List<(Guid Id, string User)> _providers;

    private VoucherWalk(People people, PatientClient patient, TwoNodes cluster, RehearsalTime time, TimeSpan deadline, string run, List<(Guid, string)> providers) =>
        (_people, _patient, _cluster, _time, _deadline, _run, _providers) = (people, patient, cluster, time, deadline, run, providers);

    /// <summary>The providers of the run: the demo provider, and two labs whose users the administrator creates, who register and are vetted.</summary>
    public static async Task<VoucherWalk> OpenAsync(TwoNodes cluster, People people, PatientClient patient, RehearsalTime time, TimeSpan deadline, string run)
    {
        var walk = new VoucherWalk(people, patient, cluster, time, deadline, run, []);
        var listed = await patient.GetAsync(people.On(Founder, 0), "/api/vouchers/providers");
        walk._providers.Add((listed.EnumerateArray().First(p => p.GetProperty("uscc").GetString() == DemoProviderSeed.Uscc).GetProperty("id").GetGuid(), DemoProviderSeed.UserName));
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 2; i++)
        {
            var user = $"{run}-lab{i}-{tag}";
            await walk.StepAsync(Admin, i, HttpMethod.Post, "/api/users/", new { userName = user, displayName = $"{run} Lab {i}", password = ProviderPassword, roles = new[] { "provider" } },
                HttpStatusCode.Created, $"creating {user}");
            await people.JoinAsync(user, ProviderPassword);
            var uscc = NewUscc();
            var registered = await walk.StepAsync(user, i, HttpMethod.Post, "/api/vouchers/providers", new
            {
                uscc, name = $"{run} Lab {i} {tag}", legalRepresentative = $"Lab Head {i}", bankName = "Bank of Shanghai", accountNumber = $"62220210010088{i:00}",
            }, HttpStatusCode.Created, $"{user} registering its provider",
                async () => Answers.Single(await patient.GetAsync(people.On(user, i), "/api/vouchers/providers"), p => p.GetProperty("uscc").GetString() == uscc));
            var id = registered.GetProperty("id").GetGuid();
            await walk.StepAsync(Admin, i + 1, HttpMethod.Post, $"/api/vouchers/providers/{id}/vet", new { }, HttpStatusCode.OK, $"vetting {user}'s provider");
            walk._providers.Add((id, user));
        }
        return walk;
    }

    /// <summary>
    /// From the quota application to the claim in its public notice; the <paramref name="n"/>th voucher is of the
    /// scheme n % 2, bought from provider n / 2 (of three), its first step on node A when n is even.
    /// </summary>
    public async Task<VoucherFile> ToClaimInNoticeAsync(int n)
    {
        var turn = n;
        var scheme = Schemes[n % Schemes.Length];
        var (providerId, provider) = _providers[n / Schemes.Length % _providers.Count];
        var year = _time.Year;
        var share = 500_000L + n * 1_001L;
        var members = Enumerable.Range(1, 3).Select(k => $"{_run}-{Guid.NewGuid():N}"[..24] + k).ToArray();

        var teamName = $"{_run} team {n:000} {members[0][^8..]}";
        var quota = await StepAsync(Founder, turn, HttpMethod.Post, "/api/vouchers/quotas", new
        {
            schemeKey = scheme, year, applicantKind = "team", requestedFen = QuotaFen, legalRepresentative = $"Team Lead {n}",
            teamName, teamPlace = "incubator", members,
        }, HttpStatusCode.Created, $"applying for voucher {n}'s quota",
            async () => Answers.Single(await _patient.GetAsync(_people.On(Founder, turn), "/api/vouchers/quotas"), q => q.GetProperty("holderName").GetString() == teamName));
        turn++;
        var quotaId = quota.GetProperty("id").GetGuid();
        var quotaNumber = quota.GetProperty("number").GetString()!;
        await TransitionAsync(Approver, turn++, $"/api/vouchers/quotas/{quotaId}/decision", new { grant = true, grantedFen = QuotaFen },
            $"/api/vouchers/quotas/{quotaId}", "granted", $"granting {quotaNumber}");

        var item = scheme == "innovation-voucher" ? "product-testing" : "digital-diagnosis";
        var order = await StepAsync(Founder, turn, HttpMethod.Post, "/api/vouchers/orders",
            new { quotaId, providerId, itemKey = item, contractValueFen = share * 2 + 1, voucherShareFen = share }, HttpStatusCode.Created, $"ordering with {quotaNumber}",
            async () => Answers.Single(await _patient.GetAsync(_people.On(Founder, turn), "/api/vouchers/orders"), o => o.GetProperty("quotaId").GetGuid() == quotaId));
        turn++;
        var orderId = order.GetProperty("id").GetGuid();
        var orderUrl = $"/api/vouchers/orders/{orderId}";
        await TransitionAsync(provider, turn++, $"{orderUrl}/answer", new { accept = true }, orderUrl, "accepted", $"{provider} accepting the order of {quotaNumber}");
        await TransitionAsync(provider, turn++, $"{orderUrl}/delivery", new { deliverable = $"Report {_run}-{n}" }, orderUrl, "delivered", $"{provider} delivering the order of {quotaNumber}");
        await TransitionAsync(Founder, turn++, $"{orderUrl}/delivery-confirmation", new { }, orderUrl, "confirmed", $"confirming the delivery of {quotaNumber}'s order");

        var claimId = await ClaimAsync(provider, turn++, orderId, quotaNumber);
        await TransitionAsync(Approver, turn++, $"/api/vouchers/claims/{claimId}/review", new { approve = true }, $"/api/vouchers/claims/{claimId}", "in-notice",
            $"approving the claim on {quotaNumber}");
        return new VoucherFile(quotaId, quotaNumber, scheme, providerId, orderId, claimId, share);
    }

    /// <summary>
    /// The quarter ends: the claims' notices are dated back into the quarter that ended (set straight on the rows, as time
    /// would have left them), and the settlement run runs on both nodes at once, twice each. One settlement opens per
    /// provider and scheme, holding every claim once.
    /// </summary>
    public async Task<List<SettlementFile>> OpenSettlementsAsync(IReadOnlyList<VoucherFile> vouchers)
    {
        await ClaimNotices.EndInTheQuarterThatEndedAsync(_cluster, vouchers.Select(v => v.Claim).ToList(), _time.Now);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _patient.PostAsync(_people.Client(i % 2 == 0 ? _cluster.A : _cluster.B, Admin), "/api/vouchers/settlement-runs")));
        foreach (var run in runs)
            Assert.True(run.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"a settlement run answered {(int)run.StatusCode}: {await run.Content.ReadAsStringAsync()}");

        var providers = _providers.Select(p => p.Id).ToList();
        var settlements = await _cluster.QueryAsync(db => db.Set<VoucherSettlement>().AsNoTracking().Where(s => providers.Contains(s.ProviderId)).ToListAsync());
        var expected = vouchers.Select(v => (v.Provider, v.Scheme)).Distinct().Count();
        Assert.True(settlements.Count == expected, $"{settlements.Count} settlements opened for {expected} providers and schemes");
        Assert.Equal(vouchers.Count, settlements.Sum(s => s.ClaimCount));
        Assert.Equal(vouchers.Sum(v => v.Fen), settlements.Sum(s => s.AmountFen));
        return [.. settlements.OrderBy(s => s.OpenedAt).Select(s => new SettlementFile(s.Id, OpenSettlements.BusinessKeyOf(s), s.ClaimCount, s.AmountFen))];
    }

    /// <summary>Finance releases the settlement to the treasury (the bank pays it later).</summary>
    public Task ReleaseAsync(SettlementFile settlement, int turn) =>
        TransitionAsync(Finance, turn, $"/api/vouchers/settlements/{settlement.Id}/release", new { }, $"/api/vouchers/settlements/{settlement.Id}", "released",
            $"releasing settlement {settlement.BusinessKey}", movedOnFrom: "due");

    /// <summary>Waits until the bank has paid every settlement.</summary>
    public Task UntilEverySettlementPaidAsync(IReadOnlyList<SettlementFile> settlements) =>
        Answers.UntilEachAsync(settlements, async (settlement, turn) => await StatusAsync(Finance, turn, $"/api/vouchers/settlements/{settlement.Id}") == "paid",
            "every voucher settlement to be paid", s => s.BusinessKey, _deadline);

    /// <summary>
    /// The year ends: the nodes' clock moves past the last quota's lapse (as each quota's process computed it: lapsesAt,
    /// the end of 31 December in Shanghai), and the quotas' timers fire: each quota lapses, what no order holds goes back
    /// to the voucher budget, and its process completes.
    /// </summary>
    public async Task LapseQuotasAsync(IReadOnlyList<VoucherFile> vouchers)
    {
        var ids = vouchers.Select(v => v.Quota).ToList();
        var processes = await _cluster.QueryAsync(db => db.Set<VoucherQuota>().AsNoTracking().Where(q => ids.Contains(q.Id)).Select(q => q.InstanceId!.Value).ToListAsync());
        var lapses = new List<DateTimeOffset>();
        foreach (var process in processes)
            lapses.Add((await _patient.GetAsync(_people.On(Admin, lapses.Count), $"/api/instances/{process}")).GetProperty("variables").GetProperty("lapsesAt").GetDateTimeOffset());
        _time.MoveTo(lapses.Max() + TimeSpan.FromMinutes(1));
        await Answers.UntilEachAsync(processes, async (process, turn) => await StatusAsync(Admin, turn, $"/api/instances/{process}") == "completed",
            "every voucher quota's process to lapse and complete", p => p.ToString(), _deadline);
    }

    /// <summary>The provider claims the voucher's share; a claim whose answer was lost is found among the provider's claims.</summary>
    private async Task<Guid> ClaimAsync(string provider, int turn, Guid orderId, string quotaNumber)
    {
        var submitted = await Send(provider, turn, HttpMethod.Post, "/api/vouchers/claims",
            new { orderId, invoiceNumber = $"CL-{Guid.NewGuid():N}"[..20], contract = "Contract", paymentProof = "Bank slip" });
        if (submitted.StatusCode == HttpStatusCode.Created) return (await Answers.ExpectAsync(submitted, HttpStatusCode.Created, "")).GetProperty("id").GetGuid();
        var claims = await _patient.GetAsync(_people.On(provider, turn), "/api/vouchers/claims");
        if (claims.EnumerateArray().FirstOrDefault(c => c.GetProperty("orderId").GetGuid() == orderId) is { ValueKind: JsonValueKind.Object } claim)
            return claim.GetProperty("id").GetGuid();
        await Answers.ExpectAsync(submitted, HttpStatusCode.Created, $"{provider} claiming the voucher of {quotaNumber}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// A step that moves something on: answered 200, or not but an earlier attempt did it (its answer was lost) —
    /// <paramref name="statusUrl"/> shows <paramref name="status"/> then (or, with <paramref name="movedOnFrom"/>, anything but that).
    /// </summary>
    private async Task TransitionAsync(string user, int turn, string url, object body, string statusUrl, string status, string what, string? movedOnFrom = null)
    {
        var answer = await Send(user, turn, HttpMethod.Post, url, body);
        if (answer.StatusCode == HttpStatusCode.OK) return;
        var now = await StatusAsync(user, turn, statusUrl);
        if (movedOnFrom is null ? now == status : now != movedOnFrom) return;
        await Answers.ExpectAsync(answer, HttpStatusCode.OK, what);
    }

    private async Task<string> StatusAsync(string user, int turn, string url) => (await _patient.GetAsync(_people.On(user, turn), url)).GetProperty("status").GetString()!;

    /// <summary>A step answered <paramref name="expected"/>, or carried out with its answer lost: then <paramref name="carriedOut"/> reads what it made.</summary>
    private async Task<JsonElement> StepAsync(string user, int turn, HttpMethod method, string url, object body, HttpStatusCode expected, string what,
        Func<Task<JsonElement>>? carriedOut = null) =>
        await Answers.ExpectAsync(await Send(user, turn, method, url, body), expected, what, carriedOut);

    private Task<HttpResponseMessage> Send(string user, int turn, HttpMethod method, string url, object body) =>
        _patient.SendAsync(_people.On(user, turn), method, url, () => JsonContent.Create(body), retryLostRaces: true);

    private static string NewUscc()
    {
        var code = "9131" + $"{Guid.NewGuid():N}"[..13].ToUpperInvariant();
        return code + Uscc.CheckCharacter(code);
    }
}
