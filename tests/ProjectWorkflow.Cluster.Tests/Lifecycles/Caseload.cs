using System.Collections.Concurrent;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Cluster.Tests.Operations;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>
/// What a lifecycle run walks: green-park applications (<see cref="GreenParkWalk"/>) and vouchers
/// (<see cref="VoucherWalk"/>) side by side, turn by turn, so that whatever interrupts the run (a node killed, the
/// database restarted, the broker stopped) finds some of each in flight. Turn t takes application t one stage on, and
/// the vouchers and settlements spread evenly over the turns whose share falls on t. At the end every process the run
/// started has completed: the applications closed, the quotas lapsed at the year's end.
/// </summary>
public sealed class Caseload
{
    private readonly TwoNodes _cluster;
    private readonly People _people;
    private readonly PatientClient _patient;
    private readonly GreenParkWalk _applications;
    private readonly VoucherWalk _vouchers;
    private readonly string _run;
    private readonly int _voucherCount;
    private readonly ConcurrentDictionary<int, GreenParkFile> _files = new();
    private readonly ConcurrentDictionary<int, VoucherFile> _voucherFiles = new();
    private List<SettlementFile> _settlements = [];

    /// <summary>The process each installment is paid by (workflows/installment-payment.bpmn), called by the application's.</summary>
    private const string InstallmentProcess = "installment-payment";

    private Caseload(TwoNodes cluster, People people, PatientClient patient, GreenParkWalk applications, VoucherWalk vouchers, string run, int turns, int voucherCount)
    {
        (_cluster, _people, _patient, _applications, _vouchers, _run, _voucherCount) = (cluster, people, patient, applications, vouchers, run, voucherCount);
        Turns = turns;
    }

    /// <summary><paramref name="applications"/> applications (one a turn) and <paramref name="vouchers"/> vouchers, with the vouchers' providers ready.</summary>
    public static async Task<Caseload> OpenAsync(TwoNodes cluster, People people, PatientClient patient, RehearsalTime time, TimeSpan deadline, string run, int applications, int vouchers)
    {
        var voucherWalk = await VoucherWalk.OpenAsync(cluster, people, patient, time, deadline, run);
        return new Caseload(cluster, people, patient, new GreenParkWalk(people, patient, time, deadline), voucherWalk, run, applications, vouchers);
    }

    public int Turns { get; }

    public IReadOnlyList<GreenParkFile> Applications => [.. _files.OrderBy(f => f.Key).Select(f => f.Value)];

    public IReadOnlyList<VoucherFile> Vouchers => [.. _voucherFiles.OrderBy(v => v.Key).Select(v => v.Value)];

    public IReadOnlyList<SettlementFile> Settlements => _settlements;

    /// <summary>Turn <paramref name="turn"/>: application t from its draft to its public notice; the vouchers due from their quota application to their claim in notice.</summary>
    public async Task ToNoticeAsync(int turn)
    {
        var vouchers = DueAt(turn, _voucherCount).Select(async n => _voucherFiles[n] = await _vouchers.ToClaimInNoticeAsync(n)).ToList();
        _files[turn] = await _applications.ToPublicNoticeAsync(turn, _run);
        await Task.WhenAll(vouchers);
    }

    /// <summary>
    /// Five working days later (the rehearsal clock), every public notice has ended: the applications are approved, their
    /// budget reserved. The quarter ends: one voucher settlement opens per provider and scheme.
    /// </summary>
    public async Task PassNoticesAsync()
    {
        await _applications.PassNoticesAsync(Applications);
        _settlements = await _vouchers.OpenSettlementsAsync(Vouchers);
    }

    /// <summary>Turn <paramref name="turn"/>: application t's agreement signed and first installment approved; the settlements due released.</summary>
    public async Task PayAsync(int turn)
    {
        var releases = DueAt(turn, _settlements.Count).Select(k => _vouchers.ReleaseAsync(_settlements[k], turn)).ToList();
        await _applications.SignAndApproveFirstInstallmentAsync(Applications[turn], turn);
        await Task.WhenAll(releases);
    }

    /// <summary>Turn <paramref name="turn"/>: application t, once its first installment is paid, accepted, paid its final installment, evaluated and closed.</summary>
    public Task CloseAsync(int turn) => _applications.CloseAsync(Applications[turn], turn);

    /// <summary>
    /// Runs the turns 0 .. <see cref="Turns"/>-1, <paramref name="inFlight"/> at a time; <paramref name="atHalf"/> runs
    /// while the batch at the half is in flight (an outage cuts those requests off), and <paramref name="atThreeQuarters"/>
    /// before the batch at three quarters.
    /// </summary>
    public async Task WalkAsync(Func<int, Task> turn, int inFlight, Func<Task>? atHalf = null, Func<Task>? atThreeQuarters = null)
    {
        var half = Turns / 2 / inFlight * inFlight;
        var threeQuarters = Math.Max(half + inFlight, Turns * 3 / 4 / inFlight * inFlight);
        for (var start = 0; start < Turns; start += inFlight)
        {
            if (start == threeQuarters && atThreeQuarters is not null) await atThreeQuarters();
            var batch = Task.WhenAll(Enumerable.Range(start, Math.Min(inFlight, Turns - start)).Select(turn));
            if (start == half && atHalf is not null)
            {
                await Task.Delay(300);
                await atHalf();
            }
            await batch;
        }
        if (threeQuarters >= Turns && atThreeQuarters is not null) await atThreeQuarters();
    }

    /// <summary>Waits until the bank has paid every settlement.</summary>
    public Task UntilEverySettlementPaidAsync() => _vouchers.UntilEverySettlementPaidAsync(_settlements);

    /// <summary>The year ends (the rehearsal clock moves past it): every quota lapses and its process completes.</summary>
    public Task LapseQuotasAsync() => _vouchers.LapseQuotasAsync(Vouchers);

    /// <summary>Every process the run started, found by the run's business keys (<see cref="RunProcesses"/>).</summary>
    public Task<List<RunProcess>> ProcessesAsync() =>
        RunProcesses.FindAsync(_cluster, [.. Applications.Select(f => f.Number), .. Vouchers.Select(v => v.QuotaNumber), .. _settlements.Select(s => s.BusinessKey)]);

    /// <summary>
    /// Every process the run started completed, each timer it waited for fired once (the notices', the quotas' lapse);
    /// every application and voucher ended once (<see cref="LifecycleEnds"/>, <see cref="VoucherEnds"/>); the ledger
    /// reconciles, the audit chain verifies.
    /// </summary>
    public async Task AssertEachEndedOnceAsync()
    {
        // Each application's process and its two installments' processes; each quota's process; each settlement's.
        var expected = Vouchers.GroupBy(v => v.Scheme).ToDictionary(g => g.Key, g => g.Count());
        expected[GreenParkWalk.Scheme] = Applications.Count;
        expected[InstallmentProcess] = 2 * Applications.Count;
        if (_settlements.Count > 0) expected[OpenSettlements.ProcessKey] = _settlements.Count;
        var timers = Vouchers.Select(v => v.Scheme).Distinct().ToDictionary(s => s, _ => new[] { "inUse" });
        timers[GreenParkWalk.Scheme] = ["noticePeriod"];
        await RunProcesses.AssertEachCompletedAsync(_people, _patient, await ProcessesAsync(), expected, timers);

        await LifecycleEnds.AssertEachApplicationEndedOnceAsync(_cluster, Applications);
        await VoucherEnds.AssertEachPaidOnceAsync(_cluster, _people, _patient, Vouchers, _settlements);
        await LifecycleEnds.AssertTheLedgerReconcilesAndTheAuditChainVerifiesAsync(_cluster, _people, _patient);
    }

    /// <summary>The items (of <paramref name="count"/>) whose share of the turns falls on <paramref name="turn"/>: spread evenly, each on one turn.</summary>
    private IEnumerable<int> DueAt(int turn, int count) => Enumerable.Range(0, count).Where(k => (long)k * Turns / count == turn);
}
