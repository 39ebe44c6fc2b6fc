using System.Collections.Concurrent;
using ProjectWorkflow.Cluster.Tests.Operations;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>
/// What a lifecycle run walks: green-park applications (<see cref="GreenParkWalk"/>) and vouchers
/// (<see cref="VoucherWalk"/>) side by side, turn by turn, so that whatever interrupts the run (a node killed, the
/// database restarted, the broker stopped) finds some of each in flight. Turn t takes application t one stage on, and
/// the vouchers and settlements spread evenly over the turns whose share falls on t.
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

    /// <summary>Waits until the bank has paid every first installment (the projects are building) and every settlement.</summary>
    public async Task UntilEverythingPaidAsync()
    {
        await _applications.UntilEveryFirstInstallmentPaidAsync(Applications);
        await _vouchers.UntilEverySettlementPaidAsync(_settlements);
    }

    /// <summary>Every application and voucher ended once (<see cref="LifecycleEnds"/>, <see cref="VoucherEnds"/>); the ledger reconciles, the audit chain verifies.</summary>
    public async Task AssertEachEndedOnceAsync()
    {
        await LifecycleEnds.AssertEachApplicationEndedOnceAsync(_cluster, _people, _patient, Applications);
        await VoucherEnds.AssertEachPaidOnceAsync(_cluster, _people, _patient, Vouchers, _settlements);
        await LifecycleEnds.AssertTheLedgerReconcilesAndTheAuditChainVerifiesAsync(_cluster, _people, _patient);
    }

    /// <summary>The items (of <paramref name="count"/>) whose share of the turns falls on <paramref name="turn"/>: spread evenly, each on one turn.</summary>
    private IEnumerable<int> DueAt(int turn, int count) => Enumerable.Range(0, count).Where(k => (long)k * Turns / count == turn);
}
