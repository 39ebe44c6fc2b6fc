using System.Diagnostics;
using ProjectWorkflow.Cluster.Tests.Lifecycles;
using ProjectWorkflow.Cluster.Tests.Messaging;
using Xunit.Abstractions;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// Whole lifecycles through two nodes, one of them killed twice: green-park applications are drafted, submitted,
/// reviewed by the district, scored by their panels, checked and approved by the department, publicly noticed for
/// five working days (the rehearsal clock moves past the notices), approved, signed and paid their first installment,
/// every step on node A or B in turn, by the people whose step it is. Node A is killed (SIGKILL) with reviews in
/// flight and again with payments in flight, and started again each time. Every process rests in building, every
/// notice timer fired once, every project was paid and booked once, the ledger reconciles and the audit chain verifies.
/// </summary>
[Collection(LifecycleClusterCollection.Name)]
public sealed class LifecycleClusterTests(LifecycleCluster cluster, ITestOutputHelper output)
{
    /// <summary>How many lifecycles (PW_CLUSTER_LIFECYCLES; 30 by default, to keep the suite within CI's time).</summary>
    private static readonly int Lifecycles = int.TryParse(Environment.GetEnvironmentVariable("PW_CLUSTER_LIFECYCLES"), out var n) && n > 0 ? n : 30;

    private const int InFlight = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8);

    [RabbitMqFact]
    public async Task WholeLifecyclesThroughTwoNodes_OneKilledMidReviewAndMidPayment_EachEndsPaidAndBookedOnce_AndTheLedgerAndAuditChainVerify()
    {
        var clock = Stopwatch.StartNew();
        var patient = new PatientClient();
        using var people = await People.SignInAsync(cluster);
        var walk = new GreenParkWalk(people, patient, cluster.Time, Deadline);

        // 1. Drafted, submitted and reviewed up to the public notice, four at a time; node A dies with half of them walked.
        var files = await InBatchesAsync(Lifecycles, i => walk.ToPublicNoticeAsync(i, "lifecycle"), atHalf: people.ADies, atThreeQuarters: people.AIsBackAsync);
        output.WriteLine($"{Lifecycles} applications in their public notice at {clock.Elapsed.TotalSeconds:0} s");

        // 2. and 3. (see PayAsync); then the clock goes back to the machine's time.
        try
        {
            await PayAsync(walk, people, files, patient, clock);
        }
        finally
        {
            await cluster.Time.BackToTheMachinesTimeAsync();
        }
        Assert.True(patient.Faults.IsEmpty, $"answers that were not clean:{Environment.NewLine}{string.Join(Environment.NewLine, patient.Faults)}{cluster.A.Tail()}{cluster.B.Tail()}");
        await LifecycleEnds.AssertEachEndedOnceAsync(cluster, people, patient, files);
        output.WriteLine($"done at {clock.Elapsed.TotalSeconds:0} s");
    }

    private async Task PayAsync(GreenParkWalk walk, People people, IReadOnlyList<GreenParkFile> files, PatientClient patient, Stopwatch clock)
    {
        // 2. Five working days later (the rehearsal clock), every notice has ended: approved, budget reserved.
        await walk.PassNoticesAsync(files);
        output.WriteLine($"every notice ended at {clock.Elapsed.TotalSeconds:0} s");

        // 3. Agreements signed and first installments approved; node A dies again with payments in flight.
        await InBatchesAsync(Lifecycles, async i =>
        {
            await walk.SignAndApproveFirstInstallmentAsync(files[i], i);
            return true;
        }, atHalf: people.ADies, atThreeQuarters: people.AIsBackAsync);
        await walk.UntilEveryFirstInstallmentPaidAsync(files);
        output.WriteLine($"every first installment paid at {clock.Elapsed.TotalSeconds:0} s; {patient.CutOff} requests cut off by the kills");
    }

    /// <summary>
    /// Runs <paramref name="act"/> for 0 .. count-1, <see cref="InFlight"/> at a time, keeping the results in order;
    /// <paramref name="atHalf"/> runs while the batch at the half is in flight (a kill cuts those requests off), and
    /// <paramref name="atThreeQuarters"/> before the batch at three quarters.
    /// </summary>
    private static async Task<List<T>> InBatchesAsync<T>(int count, Func<int, Task<T>> act, Action atHalf, Func<Task> atThreeQuarters)
    {
        var results = new List<T>(count);
        var half = count / 2 / InFlight * InFlight;
        var threeQuarters = Math.Max(half + InFlight, count * 3 / 4 / InFlight * InFlight);
        for (var start = 0; start < count; start += InFlight)
        {
            if (start == threeQuarters) await atThreeQuarters();
            var batch = Task.WhenAll(Enumerable.Range(start, Math.Min(InFlight, count - start)).Select(act));
            if (start == half)
            {
                await Task.Delay(300);
                atHalf();
            }
            results.AddRange(await batch);
        }
        if (threeQuarters >= count) await atThreeQuarters();
        return results;
    }
}
