using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Cluster.Tests.Messaging;
using ProjectWorkflow.Cluster.Tests.Operations;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>
/// How every voucher run must end, however it was interrupted: each quota lapsed at the year's end (its process completed:
/// see <see cref="RunProcesses"/>), having paid its voucher's share and given back the rest of the quota once; each claim
/// paid, on one settlement; each settlement paid at its first attempt, its process having taken the bank's answer once;
/// one treasury payment per settlement, of its amount; one booking per settlement and quota, the vouchers' shares paid
/// to the fen, nothing left reserved, every voucher entry balanced. (The ledger's reconciliation and the audit chain are
/// checked with the applications': <see cref="LifecycleEnds"/>.)
/// </summary>
internal static class VoucherEnds
{
    public static async Task AssertEachPaidOnceAsync(TwoNodes cluster, People people, PatientClient patient, IReadOnlyList<VoucherFile> vouchers, IReadOnlyList<SettlementFile> settlements)
    {
        var quotaIds = vouchers.Select(v => v.Quota).ToList();
        var quotas = await cluster.QueryAsync(db => db.Set<VoucherQuota>().AsNoTracking().Where(q => quotaIds.Contains(q.Id)).ToListAsync());
        Assert.Equal(vouchers.Count, quotas.Count);
        foreach (var voucher in vouchers)
        {
            var quota = quotas.Single(q => q.Id == voucher.Quota);
            Assert.True((quota.Status, quota.RedeemedFen, quota.ReleasedFen) == (VoucherQuotaStatus.Lapsed, voucher.Fen, VoucherWalk.QuotaFen - voucher.Fen),
                $"{quota.Number} is {quota.Status}, {quota.RedeemedFen} fen redeemed and {quota.ReleasedFen} released of {VoucherWalk.QuotaFen}");
        }
        var lapses = await cluster.QueryAsync(db => db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Reference.StartsWith("voucher-lapse:")).Select(e => e.Reference).ToListAsync());
        foreach (var voucher in vouchers)
            Assert.Single(lapses, $"voucher-lapse:{voucher.Quota:N}");
        Assert.Equal(0, await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.Account == "Reserved" && quotaIds.Contains(p.ApplicationId!.Value)).SumAsync(p => p.AmountFen)));

        var settlementIds = settlements.Select(s => s.Id).ToList();
        var claimIds = vouchers.Select(v => v.Claim).ToList();
        var claims = await cluster.QueryAsync(db => db.Set<RedemptionClaim>().AsNoTracking().Where(c => claimIds.Contains(c.Id)).ToListAsync());
        Assert.Equal(vouchers.Count, claims.Count);
        Assert.All(claims, c => Assert.True(c.Status == RedemptionClaimStatus.Paid && c.SettlementId is { } s && settlementIds.Contains(s), $"claim {c.Number} is {c.Status} on settlement {c.SettlementId}"));

        var paid = await cluster.QueryAsync(db => db.Set<VoucherSettlement>().AsNoTracking().Where(s => settlementIds.Contains(s.Id)).ToListAsync());
        Assert.Equal(settlements.Count, paid.Count);
        Assert.All(paid, s => Assert.True((s.Status, s.Attempt) == (VoucherSettlementStatus.Paid, 1), $"settlement {s.Id} is {s.Status} at attempt {s.Attempt}"));
        Assert.Equal(vouchers.Sum(v => v.Fen), paid.Sum(s => s.AmountFen));

        var keys = settlements.Select(s => s.BusinessKey).ToList();
        var processes = await cluster.QueryAsync(db => db.Set<InstanceRecord>().AsNoTracking()
            .Where(i => i.DefinitionKey == OpenSettlements.ProcessKey && keys.Contains(i.BusinessKey!)).Select(i => i.Id).ToListAsync());
        Assert.Equal(settlements.Count, processes.Count);
        for (var i = 0; i < processes.Count; i++)
        {
            var journal = await patient.GetAsync(people.On("admin1", i), $"/api/instances/{processes[i]}/journal");
            Assert.Single(journal.EnumerateArray(), j => j.GetProperty("elementId").GetString() == "awaitSettlement" && j.GetProperty("event").GetString() == "messageReceived");
        }

        var orderKeys = paid.Select(s => s.TreasuryOrderKey).ToList();
        var payments = await cluster.QueryAsync(db => db.Set<TreasuryPayment>().AsNoTracking().Where(p => orderKeys.Contains(p.OrderKey)).ToListAsync());
        foreach (var settlement in paid)
            Assert.Equal(settlement.AmountFen, Assert.Single(payments, p => p.OrderKey == settlement.TreasuryOrderKey).AmountFen);

        // One booking per settlement and quota (each voucher is its team's own quota), the shares paid to the fen.
        var bookings = await cluster.QueryAsync(db => db.Set<LedgerEntry>().AsNoTracking().Where(e => e.Reference.StartsWith("voucher-pay:")).Select(e => e.Reference).ToListAsync());
        foreach (var settlement in paid)
            Assert.Equal(settlement.ClaimCount, bookings.Count(r => r.StartsWith($"voucher-pay:{settlement.Id:N}:", StringComparison.Ordinal)));
        var paidFen = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.Account == "Paid" && quotaIds.Contains(p.ApplicationId!.Value)).SumAsync(p => p.AmountFen));
        Assert.Equal(vouchers.Sum(v => v.Fen), paidFen);
        var unbalanced = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>().Where(p => db.Set<Budget>().Any(b => b.Id == p.BudgetId && b.Kind == BudgetKinds.Voucher))
            .GroupBy(p => p.EntryId).Where(g => g.Sum(p => p.AmountFen) != 0).CountAsync());
        Assert.Equal(0, unbalanced);
    }

    /// <summary>
    /// What the broker carried, seen by a witness beside the nodes: each quota's grant, each claim's redemption, the bank's
    /// confirmation of each settlement and the settlement's paid notice, once. (The payment request is sent to the
    /// treasury's own queue, which the witness does not see: one treasury payment per settlement shows it. Each process's
    /// end is checked with every process of the run.)
    /// </summary>
    public static void AssertEachMessageArrivedOnce(BusWitness witness, IReadOnlyList<VoucherFile> vouchers, IReadOnlyList<SettlementFile> settlements)
    {
        foreach (var voucher in vouchers)
        {
            Assert.Single(witness.Received<VoucherGranted>(m => m.QuotaId == voucher.Quota).Select(r => r.MessageId).Distinct());
            Assert.Single(witness.Received<VoucherRedeemed>(m => m.ClaimId == voucher.Claim).Select(r => r.MessageId).Distinct());
        }
        foreach (var settlement in settlements)
        {
            Assert.Single(witness.Received<PaymentConfirmed>(m => m.BusinessKey == settlement.BusinessKey).Select(r => r.MessageId).Distinct());
            Assert.Single(witness.Received<VoucherSettlementPaid>(m => m.SettlementId == settlement.Id).Select(r => r.MessageId).Distinct());
        }
    }
}
