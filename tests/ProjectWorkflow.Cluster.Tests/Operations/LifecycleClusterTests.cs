using System.Diagnostics;
using ProjectWorkflow.Cluster.Tests.Lifecycles;
using ProjectWorkflow.Cluster.Tests.Messaging;
using Xunit.Abstractions;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// Whole lifecycles through two nodes, one of them killed twice: green-park applications are drafted, submitted,
/// reviewed by the district, scored by their panels, checked and approved by the department, publicly noticed for
/// five working days (the rehearsal clock moves past the notices), approved, signed and paid their first installment;
/// beside them vouchers are applied for by teams and granted, ordered, delivered, claimed, approved and noticed, and
/// when the quarter has ended settled per provider, released by finance and paid (<see cref="Caseload"/>). Every step
/// runs on node A or B in turn, by the people whose step it is. Node A is killed (SIGKILL) with reviews and vouchers in
/// flight and again with payments and settlements in flight, and started again each time. Every process rests or
/// completed, every notice timer fired once, every project and every settlement was paid and booked once, every claim
/// paid once, the ledger reconciles and the audit chain verifies.
/// </summary>
[Collection(LifecycleClusterCollection.Name)]
public sealed class LifecycleClusterTests(LifecycleCluster cluster, ITestOutputHelper output)
{
    /// <summary>How many application lifecycles (PW_CLUSTER_LIFECYCLES; 30 by default, to keep the suite within CI's time).</summary>
    private static readonly int Lifecycles = Setting("PW_CLUSTER_LIFECYCLES", 30);

    /// <summary>How many vouchers beside them (PW_CLUSTER_VOUCHERS; 8 by default).</summary>
    private static readonly int Vouchers = Setting("PW_CLUSTER_VOUCHERS", 8);

    private const int InFlight = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8);

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    [RabbitMqFact]
    public async Task WholeLifecyclesThroughTwoNodes_OneKilledMidReviewAndMidPayment_EachEndsPaidAndBookedOnce_AndTheLedgerAndAuditChainVerify()
    {
        var clock = Stopwatch.StartNew();
        var patient = new PatientClient();
        using var people = await People.SignInAsync(cluster);
        var caseload = await Caseload.OpenAsync(cluster, people, patient, cluster.Time, Deadline, "lifecycle", Lifecycles, Vouchers);

        // 1. Applications drafted, submitted and reviewed up to the public notice, vouchers from the quota to the claim in
        // notice, four turns at a time; node A dies with half of them walked.
        await InBatchesAsync(caseload.Turns, caseload.ToNoticeAsync, atHalf: people.ADies, atThreeQuarters: people.AIsBackAsync);
        output.WriteLine($"{Lifecycles} applications and {Vouchers} voucher claims in their public notice at {clock.Elapsed.TotalSeconds:0} s");

        // 2. and 3. (see PayAsync); then the clock goes back to the machine's time.
        try
        {
            await PayAsync(caseload, people, patient, clock);
        }
        finally
        {
            await cluster.Time.BackToTheMachinesTimeAsync();
        }
        Assert.True(patient.Faults.IsEmpty, $"answers that were not clean:{Environment.NewLine}{string.Join(Environment.NewLine, patient.Faults)}{cluster.A.Tail()}{cluster.B.Tail()}");
        await caseload.AssertEachEndedOnceAsync();
        output.WriteLine($"done at {clock.Elapsed.TotalSeconds:0} s");
    }

    private async Task PayAsync(Caseload caseload, People people, PatientClient patient, Stopwatch clock)
    {
        // 2. Five working days later (the rehearsal clock), every notice has ended: approved, budget reserved; the
        // quarter's voucher settlements open.
        await caseload.PassNoticesAsync();
        output.WriteLine($"every notice ended and {caseload.Settlements.Count} voucher settlements opened at {clock.Elapsed.TotalSeconds:0} s");

        // 3. Agreements signed, first installments approved and settlements released; node A dies again with payments in flight.
        await InBatchesAsync(caseload.Turns, caseload.PayAsync, atHalf: people.ADies, atThreeQuarters: people.AIsBackAsync);
        await caseload.UntilEverythingPaidAsync();
        output.WriteLine($"every first installment and settlement paid at {clock.Elapsed.TotalSeconds:0} s; {patient.CutOff} requests cut off by the kills");
    }

    /// <summary>
    /// Runs the turns 0 .. count-1, <see cref="InFlight"/> at a time; <paramref name="atHalf"/> runs while the batch at
    /// the half is in flight (a kill cuts those requests off), and <paramref name="atThreeQuarters"/> before the batch at
    /// three quarters.
    /// </summary>
    private static async Task InBatchesAsync(int count, Func<int, Task> turn, Action atHalf, Func<Task> atThreeQuarters)
    {
        var half = count / 2 / InFlight * InFlight;
        var threeQuarters = Math.Max(half + InFlight, count * 3 / 4 / InFlight * InFlight);
        for (var start = 0; start < count; start += InFlight)
        {
            if (start == threeQuarters) await atThreeQuarters();
            var batch = Task.WhenAll(Enumerable.Range(start, Math.Min(InFlight, count - start)).Select(turn));
            if (start == half)
            {
                await Task.Delay(300);
                atHalf();
            }
            await batch;
        }
        if (threeQuarters >= count) await atThreeQuarters();
    }
}
