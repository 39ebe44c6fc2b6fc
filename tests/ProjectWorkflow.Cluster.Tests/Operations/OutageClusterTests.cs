using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Workflows.Events;
using ProjectWorkflow.Cluster.Tests.Lifecycles;
using ProjectWorkflow.Funding.Ledger;
using Xunit.Abstractions;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// The whole lifecycles of <see cref="LifecycleClusterTests"/> again, through outages instead of a killed node:
/// green-park applications are walked from the draft through review, public notice and approval, their first
/// installment, acceptance, final installment and evaluation to their closing, and vouchers from the team's quota to the
/// quarter's settlement paid and the quota's lapse at the year's end (<see cref="Caseload"/>), over two nodes, beside
/// processes waiting on timers. RabbitMQ is stopped for a minute while the agreements are signed, first installments
/// approved and settlements released, and PostgreSQL is restarted with <c>pg_ctl restart -m immediate</c> while half of
/// the projects are being accepted, paid their final installment and evaluated. Requests in flight answer 503 with
/// Retry-After (never another 5xx), the client sends them again with their Idempotency-Key, the nodes recover without a
/// restart, and the end is the same as a clean run's: every process the run started completed, every timer fired once,
/// every installment and settlement paid and booked once, every claim paid once, every message once, the ledger
/// reconciles and the audit chain verifies.
/// </summary>
[Collection(OutageClusterCollection.Name)]
public sealed class OutageClusterTests(OutageCluster cluster, ITestOutputHelper output)
{
    /// <summary>How many lifecycles (PW_CLUSTER_OUTAGE_LIFECYCLES; 12 by default, to keep the suite within CI's time).</summary>
    private static readonly int Lifecycles = Setting("PW_CLUSTER_OUTAGE_LIFECYCLES", 12);

    /// <summary>How many vouchers beside them (PW_CLUSTER_OUTAGE_VOUCHERS; 6 by default).</summary>
    private static readonly int Vouchers = Setting("PW_CLUSTER_OUTAGE_VOUCHERS", 6);

    /// <summary>How long the broker stays down (PW_CLUSTER_BROKER_OUTAGE_SECONDS; the issue's minute by default).</summary>
    private static readonly TimeSpan BrokerOutage = TimeSpan.FromSeconds(Setting("PW_CLUSTER_BROKER_OUTAGE_SECONDS", 60));

    private const int Timers = 8;
    private const int InFlight = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8);

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    [OutageFact]
    public async Task TheDatabaseRestartedAndTheBrokerStoppedForAMinute_MidRun_RequestsFailCleanly_AndTheEndStateIsTheCleanRunsOne()
    {
        var clock = Stopwatch.StartNew();
        var patient = new PatientClient();
        using var people = await People.SignInAsync(cluster);
        var adminA = people.Client(cluster.A, "admin1");
        var adminB = people.Client(cluster.B, "admin1");
        var processIds = (cluster.A.ProcessId, cluster.B.ProcessId);
        var caseload = await Caseload.OpenAsync(cluster, people, patient, cluster.Time, Deadline, "outage", Lifecycles, Vouchers);
        var timerKey = $"outage-timer-{Guid.NewGuid():N}"[..28];
        var deployed = await adminA.PostAsync("/api/definitions", new StringContent(TimerClusterTests.WaitProcess(timerKey, "PT4S"), Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());

        var timers = new List<Guid>();
        try
        {
            // 1. Applications drafted, submitted and reviewed up to the public notice, vouchers from the quota to the claim in
            // notice, over both nodes.
            await cluster.Time.RehearseFromAsync();
            await caseload.WalkAsync(caseload.ToNoticeAsync, InFlight);
            output.WriteLine($"{Lifecycles} applications and {Vouchers} voucher claims in their public notice at {clock.Elapsed.TotalSeconds:0} s");

            // 2. Five working days later (the rehearsal clock), every notice has ended: approved, budget reserved; the
            // quarter's voucher settlements open. (Before the outages: the clock's jump leaves the notice timers to the
            // timer sweep, which a Hangfire lock stranded by the database restart holds up for Hangfire:DistributedLockTimeout,
            // a minute (see TimerClusterTests); in production each timer's own job fires it on time.)
            await caseload.PassNoticesAsync();
            output.WriteLine($"every notice ended and {caseload.Settlements.Count} voucher settlements opened at {clock.Elapsed.TotalSeconds:0} s");

            // 3. The broker stops for a minute while the agreements are signed, first installments approved and settlements
            // released: the commands keep committing, their payment requests wait in the outbox.
            await cluster.StopBrokerAsync();
            var brokerDown = Stopwatch.StartNew();
            try
            {
                await caseload.WalkAsync(caseload.PayAsync, InFlight);
                if (brokerDown.Elapsed < BrokerOutage) await Task.Delay(BrokerOutage - brokerDown.Elapsed);
            }
            finally
            {
                await cluster.StartBrokerAsync();
            }
            output.WriteLine($"RabbitMQ was down for {brokerDown.Elapsed.TotalSeconds:0} s, started again at {clock.Elapsed.TotalSeconds:0} s");
            await BothReadyAsync("after the broker came back");

            // 4. The bank pays the first installments; the projects are accepted, paid their final installments, evaluated
            // and closed. The database restarts with half of them in flight, as timers fall due.
            await caseload.WalkAsync(caseload.CloseAsync, InFlight, atHalf: async () =>
            {
                for (var i = 0; i < Timers; i++)
                    timers.Add(await IdOfAsync(await patient.PostAsync(i % 2 == 0 ? adminA : adminB, "/api/instances", new { definitionKey = timerKey, variables = new { } }, retryLostRaces: true)));
                var restart = Stopwatch.StartNew();
                await cluster.RestartDatabaseAsync();
                output.WriteLine($"PostgreSQL restarted (-m immediate) at {clock.Elapsed.TotalSeconds:0} s, in {restart.Elapsed.TotalSeconds:0.0} s");
            });
            await BothReadyAsync("after the database restart");
            await caseload.UntilEverySettlementPaidAsync();
            await WaitUntilAllCompletedAsync(adminB, patient, timers);
            output.WriteLine($"every project closed and every settlement paid at {clock.Elapsed.TotalSeconds:0} s; {patient.Unavailable} answers were 503 so far");
            // The broker's outage was real: some messages failed to leave at first and went out on a later attempt. (Asked
            // before the year's end: once the clock has moved past it, the outbox's clean-up drops dispatched rows.)
            Assert.True(await cluster.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0 && m.DispatchedAt != null)),
                "No outbox row needed a second attempt: the broker was not down while messages were produced.");

            // 5. The year ends (the rehearsal clock): every quota lapses.
            await caseload.LapseQuotasAsync();
            output.WriteLine($"every voucher quota lapsed at {clock.Elapsed.TotalSeconds:0} s");
        }
        finally
        {
            await cluster.Time.BackToTheMachinesTimeAsync();
        }
        var processes = await caseload.ProcessesAsync();
        await UntilAsync(() => processes.All(p => cluster.Witness.Received<ProcessCompleted>(m => m.InstanceId == p.Id).Count > 0),
            "every process's ProcessCompleted at the witness");
        output.WriteLine($"every lifecycle ended at {clock.Elapsed.TotalSeconds:0} s; {patient.Unavailable} answers were 503, {patient.CutOff} requests cut off");

        // Requests failed cleanly, and the nodes were never restarted.
        Assert.True(patient.Faults.IsEmpty, $"answers that were not clean:{Environment.NewLine}{string.Join(Environment.NewLine, patient.Faults)}{cluster.A.Tail()}{cluster.B.Tail()}");
        Assert.Equal(processIds, (cluster.A.ProcessId, cluster.B.ProcessId));

        // Every timer fired once; every process completed; nothing paid or booked twice.
        foreach (var timer in timers)
            Assert.Single((await patient.GetAsync(adminA, $"/api/instances/{timer}/journal")).EnumerateArray(), j => j.GetProperty("event").GetString() == "timerFired");
        await caseload.AssertEachEndedOnceAsync();

        // Each message once: every process's end, each installment's payment request and the bank's answer.
        foreach (var process in processes)
            Assert.Single(cluster.Witness.Received<ProcessCompleted>(m => m.InstanceId == process.Id).Select(r => r.MessageId).Distinct());
        var files = caseload.Applications;
        var ids = files.Select(f => f.Id).ToList();
        var orders = await cluster.QueryAsync(db => db.Set<PaymentOrder>().AsNoTracking().Where(o => ids.Contains(o.ApplicationId)).ToListAsync());
        foreach (var order in orders)
        {
            Assert.Single(cluster.Witness.Received<PaymentRequested>(m => m.PaymentKey == order.PaymentKey).Select(r => r.MessageId).Distinct());
            Assert.Single(cluster.Witness.Received<PaymentConfirmed>(m => m.PaymentKey == order.PaymentKey).Select(r => r.MessageId).Distinct());
            Assert.Single((await patient.GetAsync(adminB, $"/api/instances/{order.InstanceId}/journal")).EnumerateArray(),
                j => j.GetProperty("elementId").GetString() == "awaitSettlement" && j.GetProperty("event").GetString() == "messageReceived");
        }
        VoucherEnds.AssertEachMessageArrivedOnce(cluster.Witness, caseload.Vouchers, caseload.Settlements);
        var numbers = files.Select(f => f.Number).Concat(caseload.Settlements.Select(s => s.BusinessKey)).ToList();
        var waiting = await cluster.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.DispatchedAt == null).Select(m => m.Body).ToListAsync());
        Assert.DoesNotContain(waiting, body => numbers.Any(body.Contains));
        output.WriteLine($"done at {clock.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>
    /// PostgreSQL stops answering under both nodes: reads and writes answer 503 problem+json with Retry-After (not 500),
    /// readiness fails while liveness holds; when it is back both nodes serve again without a restart, and the write
    /// sent again with its Idempotency-Key runs once.
    /// </summary>
    [OutageFact]
    public async Task WhilePostgreSqlIsDown_RequestsAnswer503WithRetryAfter_AndTheNodesServeAgainWhenItIsBack()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        var processIds = (cluster.A.ProcessId, cluster.B.ProcessId);
        var key = Guid.NewGuid().ToString();
        var user = new { userName = $"outage-{Guid.NewGuid():N}"[..24], displayName = "Outage Test", password = "Test#2026pw", roles = new[] { "expert" } };

        await cluster.StopDatabaseAsync();
        try
        {
            foreach (var node in cluster.Nodes)
            {
                var admin = node == cluster.A ? adminA : adminB;
                var read = await admin.GetAsync("/api/users");
                var write = await CreateUserAsync(admin, key, user);
                foreach (var response in new[] { read, write })
                {
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{node.Name} answered {(int)response.StatusCode}: {text}{node.Tail()}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Equal("The database is unavailable", JsonDocument.Parse(text).RootElement.GetProperty("title").GetString());
                    Assert.Equal(TimeSpan.FromSeconds(OutageCluster.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
                }
                using var probe = node.CreateClient();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
            }
        }
        finally
        {
            await cluster.StartDatabaseAsync();
        }

        await BothReadyAsync("after PostgreSQL started again");
        Assert.Equal(processIds, (cluster.A.ProcessId, cluster.B.ProcessId));
        var patient = new PatientClient();
        var users = await patient.GetAsync(adminB, "/api/users");
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == user.userName);
        var created = await CreateUserAsync(adminA, key, user);
        // The reservation the failed write may have left behind expires (Idempotency:AbandonedAfterSeconds) if it could not be freed.
        for (var attempt = 0; created.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable && attempt < 30; attempt++)
        {
            await Task.Delay(1000);
            created = await CreateUserAsync(adminA, key, user);
        }
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var replayed = await CreateUserAsync(adminA, key, user);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotency-Replayed"));
        users = await patient.GetAsync(adminB, "/api/users");
        Assert.Single(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == user.userName);
    }

    private static Task<HttpResponseMessage> CreateUserAsync(HttpClient admin, string key, object user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(user) };
        request.Headers.Add("Idempotency-Key", key);
        return admin.SendAsync(request);
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage started)
    {
        var text = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"start answered {(int)started.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private async Task BothReadyAsync(string when)
    {
        foreach (var node in cluster.Nodes)
        {
            using var probe = node.CreateClient();
            await UntilAsync(async () =>
            {
                try
                {
                    return (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, $"{node.Name} to be ready {when}");
        }
    }

    private async Task WaitUntilAllCompletedAsync(HttpClient admin, PatientClient patient, IReadOnlyList<Guid> instances)
    {
        var waiting = instances.ToList();
        await UntilAsync(async () =>
        {
            var still = new List<Guid>();
            foreach (var id in waiting)
                if ((await patient.GetAsync(admin, $"/api/instances/{id}")).GetProperty("status").GetString() != "completed")
                    still.Add(id);
            waiting = still;
            return waiting.Count == 0;
        }, () => $"every process to complete ({waiting.Count} of {instances.Count} still running: {string.Join(", ", waiting.Take(5))})");
    }

    private Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), () => what);

    private Task UntilAsync(Func<Task<bool>> condition, string what) => UntilAsync(condition, () => what);

    /// <param name="what">What is awaited, worded when the wait gives up (so it can say how far it got).</param>
    private async Task UntilAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Still waiting after {Deadline.TotalMinutes:0} min for {what()}.{cluster.A.Tail()}{cluster.B.Tail()}");
            await Task.Delay(500);
        }
    }
}
