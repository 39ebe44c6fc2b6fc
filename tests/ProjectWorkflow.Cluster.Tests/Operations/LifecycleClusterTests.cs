using System.Diagnostics;
using ProjectWorkflow.Cluster.Tests.Lifecycles;
using ProjectWorkflow.Cluster.Tests.Messaging;
using Xunit.Abstractions;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// Whole lifecycles through two nodes, one of them killed twice: green-park applications are drafted, submitted,
/// reviewed by the district, scored by their panels, checked and approved by the department, publicly noticed for
/// five working days (the rehearsal clock moves past the notices), approved, signed and paid their first installment,
/// accepted (less invested than approved: the subsidy is cut pro rata), paid their final installment, evaluated and
/// closed, the budget they no longer need released; beside them vouchers are applied for by teams and granted, ordered,
/// delivered, claimed, approved and noticed, and when the quarter has ended settled per provider, released by finance
/// and paid, and when the year has ended (the clock moves past it) the quotas lapse and give back what was not used
/// (<see cref="Caseload"/>). Every step runs on node A or B in turn, by the people whose step it is. Node A is killed
/// (SIGKILL) with reviews and vouchers in flight, and again with agreements, acceptances, evaluations, first and final
/// payments and settlements in flight, and started again each time. Every process the run started completed, every
/// timer fired once, every installment and settlement was paid and booked once, every claim paid once, the ledger
/// reconciles and the audit chain verifies.
/// </summary>
[Collection(LifecycleClusterCollection.Name)]
public sealed class LifecycleClusterTests(LifecycleCluster cluster, ITestOutputHelper output)
{
    /// <summary>How many application lifecycles (PW_CLUSTER_LIFECYCLES; 16 by default, to keep the suite within CI's time).</summary>
    private static readonly int Lifecycles = Setting("PW_CLUSTER_LIFECYCLES", 16);

    /// <summary>How many vouchers beside them (PW_CLUSTER_VOUCHERS; 6 by default).</summary>
    private static readonly int Vouchers = Setting("PW_CLUSTER_VOUCHERS", 6);

    private const int InFlight = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8);

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    [RabbitMqFact]
    public async Task WholeLifecyclesThroughTwoNodes_OneKilledMidReviewAndMidPayment_EveryProcessCompletes_EachPaidAndBookedOnce_AndTheLedgerAndAuditChainVerify()
    {
        var clock = Stopwatch.StartNew();
        var patient = new PatientClient();
        using var people = await People.SignInAsync(cluster);
        var caseload = await Caseload.OpenAsync(cluster, people, patient, cluster.Time, Deadline, "lifecycle", Lifecycles, Vouchers);
        Task Kill() => people.ADiesMidRequestAsync(patient);

        try
        {
            // 1. Applications drafted, submitted and reviewed up to the public notice, vouchers from the quota to the claim in
            // notice, four turns at a time; node A dies with half of them walked.
            await cluster.Time.RehearseFromAsync();
            await caseload.WalkAsync(caseload.ToNoticeAsync, InFlight, atHalf: Kill, atThreeQuarters: people.AIsBackAsync);
            output.WriteLine($"{Lifecycles} applications and {Vouchers} voucher claims in their public notice at {clock.Elapsed.TotalSeconds:0} s; {patient.CutOff} requests cut off by the kill");

            // 2. Five working days later (the rehearsal clock), every notice has ended: approved, budget reserved; the
            // quarter's voucher settlements open.
            await caseload.PassNoticesAsync();
            output.WriteLine($"every notice ended and {caseload.Settlements.Count} voucher settlements opened at {clock.Elapsed.TotalSeconds:0} s");

            // 3. Each project signed and paid its first installment, accepted, paid its final one, evaluated and closed;
            // settlements released; node A dies again with all of that in flight.
            await caseload.WalkAsync(async turn =>
            {
                await caseload.PayAsync(turn);
                await caseload.CloseAsync(turn);
            }, InFlight, atHalf: Kill, atThreeQuarters: people.AIsBackAsync);
            await caseload.UntilEverySettlementPaidAsync();
            output.WriteLine($"every project closed and every settlement paid at {clock.Elapsed.TotalSeconds:0} s; {patient.CutOff} requests cut off by both kills");

            // 4. The year ends (the rehearsal clock): every quota lapses.
            await caseload.LapseQuotasAsync();
            output.WriteLine($"every voucher quota lapsed at {clock.Elapsed.TotalSeconds:0} s");
        }
        finally
        {
            await cluster.Time.BackToTheMachinesTimeAsync();
        }
        Assert.True(patient.Faults.IsEmpty, $"answers that were not clean:{Environment.NewLine}{string.Join(Environment.NewLine, patient.Faults)}{cluster.A.Tail()}{cluster.B.Tail()}");
        await caseload.AssertEachEndedOnceAsync();
        output.WriteLine($"done at {clock.Elapsed.TotalSeconds:0} s");
    }
}
