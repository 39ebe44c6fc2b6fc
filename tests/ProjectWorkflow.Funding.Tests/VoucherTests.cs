using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>
/// A voucher from quota to settlement: who may apply, the ratio and caps to the fen, providers refused when
/// suspended or related, lapsed quota unusable, one payment order per provider per cycle, the budget moving with it.
/// </summary>
public class VoucherTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly LedgerKey Key = new("k1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static VoucherRuleSet Rules(Money? perClaimCap = null) => new()
    {
        SchemeKey = "innovation-voucher",
        Year = 2026,
        IssuerZh = "上海市科委创新券管理中心",
        IssuerEn = "Science commission voucher centre",
        Source = "Shanghai innovation voucher (found)",
        Labels = new Dictionary<string, string> { ["coPaymentRatio"] = "found", ["perClaimCap"] = "assumed" },
        EligibleApplicants = [VoucherApplicantKind.CertifiedSme, VoucherApplicantKind.Team],
        EnterpriseAnnualCap = Money.FromWanYuan(30),
        TeamAnnualCap = Money.FromWanYuan(10),
        CoPaymentRatio = 0.5m,
        PerClaimCap = perClaimCap,
        Catalogue = [new CatalogueCategory("testing", "检验检测", "Testing", [new CatalogueItem("product-testing", "产品检测", "Product testing")])],
        NoticeDays = 5,
    };

    private static readonly VoucherParty Buyer = new("91310000MA1FL4UJ5Y", "Zhang Wei", null);

    private static VoucherApplicant Sme => new(VoucherApplicantKind.CertifiedSme, Buyer, CertificateNumber: "202631010400001");

    private static VoucherQuota Granted(Money amount, VoucherRuleSet? rules = null)
    {
        rules ??= Rules();
        var quota = VoucherQuota.Apply(rules, "IV-2026-0001", Sme, Guid.NewGuid(), "Acme Tooling", amount, Money.Zero, [], "clerk1", Now);
        quota.Grant(amount, rules.EnterpriseAnnualCap, Money.Zero, "reviewer1", null, Now);
        return quota;
    }

    private static ServiceProvider Lab(string legalRepresentative = "Li Na", string? controller = null)
    {
        var lab = ServiceProvider.Register(Uscc.Parse("91310115MA1H8CJT3W"), "Pudong Testing Lab", legalRepresentative, controller, "Bank of Shanghai", "6222 0210 0100 9999", "provider1", Now);
        lab.Vet("admin1", Now);
        lab.Offer("innovation-voucher", Rules().Catalogue[0].Items[0], Money.FromYuan(20_000));
        return lab;
    }

    private static string Refusal(Action act) => Assert.Throws<FundingRuleBrokenException>(act).RuleName;

    [Fact]
    public void ACertifiedSme_WithoutItsCertificateNumber_OrATeamOfTwo_OrATeamOutsideAnIncubator_IsNotEligible()
    {
        var rules = Rules();
        Assert.Equal("VoucherEligibility", Refusal(() => VoucherQuota.Apply(rules, "n", Sme with { CertificateNumber = " " }, null, "Acme", Money.FromWanYuan(1), Money.Zero, [], "clerk1", Now)));
        var pair = new VoucherApplicant(VoucherApplicantKind.Team, new VoucherParty(null, "Wang", null), TeamName: "Robots", TeamPlace: "maker-space", Members: ["A1", "A2"]);
        Assert.Equal("VoucherEligibility", Refusal(() => VoucherQuota.Apply(rules, "n", pair, null, "Robots", Money.FromWanYuan(1), Money.Zero, [], "a", Now)));
        var homeTeam = pair with { Members = ["A1", "A2", "A3"], TeamPlace = "garage" };
        Assert.Equal("VoucherEligibility", Refusal(() => VoucherQuota.Apply(rules, "n", homeTeam, null, "Robots", Money.FromWanYuan(1), Money.Zero, [], "a", Now)));

        var team = VoucherQuota.Apply(rules, "n", homeTeam with { TeamPlace = "incubator" }, null, "Robots", Money.FromWanYuan(10), Money.Zero, [], "a", Now);
        Assert.Equal(["A1", "A2", "A3"], team.Members);
    }

    [Fact]
    public void TheAnnualCap_CountsWhatIsAlreadyHeld_ToTheFen_PerEnterpriseAndPerTeam()
    {
        var rules = Rules();
        Assert.Equal("VoucherQuotaCap", Refusal(() => VoucherQuota.Apply(rules, "n", Sme, null, "Acme", Money.FromWanYuan(20) + new Money(1), Money.FromWanYuan(10), [], "clerk1", Now)));
        VoucherQuota.Apply(rules, "n", Sme, null, "Acme", Money.FromWanYuan(20), Money.FromWanYuan(10), [], "clerk1", Now);

        var team = new VoucherApplicant(VoucherApplicantKind.Team, new VoucherParty(null, "Wang", null), TeamName: "Robots", TeamPlace: "incubator", Members: ["A1", "A2", "A3"]);
        Assert.Equal("VoucherQuotaCap", Refusal(() => VoucherQuota.Apply(rules, "n", team, null, "Robots", Money.FromWanYuan(10) + new Money(1), Money.Zero, [], "a", Now)));
    }

    [Fact]
    public void ATeamMember_CannotDrawTheSameTeamsQuotaTwice()
    {
        var team = new VoucherApplicant(VoucherApplicantKind.Team, new VoucherParty(null, "Wang", null), TeamName: "Robots", TeamPlace: "incubator", Members: ["A1", "A2", "A3"]);
        Assert.Equal("TeamMemberAlreadyDrawn", Refusal(() => VoucherQuota.Apply(Rules(), "n", team, null, "Robots", Money.FromWanYuan(5), Money.Zero, ["A2"], "a", Now)));
    }

    [Fact]
    public void AnOrder_MayDrawExactlyTheRatioOfTheContract_AndOneFenMoreIsRefused()
    {
        var quota = Granted(Money.FromWanYuan(30));
        var lab = Lab();
        var contract = new Money(2_000_001); // 20,000.01 yuan: half is 10,000.005, rounded down to 10,000.00

        Assert.Equal("VoucherShareExceedsRatio", Refusal(() => VoucherOrder.Place(Rules(), quota, lab, "o1", "product-testing", contract, new Money(1_000_001), "clerk1", Today, Now)));
        Assert.Equal(Money.Zero, quota.Committed);

        var order = VoucherOrder.Place(Rules(), quota, lab, "o1", "product-testing", contract, new Money(1_000_000), "clerk1", Today, Now);
        Assert.Equal(new Money(1_000_001), order.OwnShare);
        Assert.Equal(Money.FromWanYuan(29), quota.Remaining);
    }

    [Fact]
    public void AnOrder_BeyondThePerClaimCap_OrTheQuotaLeft_IsRefusedByOneFen()
    {
        var rules = Rules(perClaimCap: Money.FromWanYuan(2));
        var lab = Lab();
        var quota = Granted(Money.FromWanYuan(3), rules);
        Assert.Equal("PerClaimCapExceeded", Refusal(() => VoucherOrder.Place(rules, quota, lab, "o1", "product-testing", Money.FromWanYuan(10), Money.FromWanYuan(2) + new Money(1), "clerk1", Today, Now)));
        VoucherOrder.Place(rules, quota, lab, "o1", "product-testing", Money.FromWanYuan(10), Money.FromWanYuan(2), "clerk1", Today, Now);

        Assert.Equal("VoucherQuotaExceeded", Refusal(() => VoucherOrder.Place(rules, quota, lab, "o2", "product-testing", Money.FromWanYuan(10), Money.FromWanYuan(1) + new Money(1), "clerk1", Today, Now)));
        VoucherOrder.Place(rules, quota, lab, "o2", "product-testing", Money.FromWanYuan(10), Money.FromWanYuan(1), "clerk1", Today, Now);
        Assert.Equal(Money.Zero, quota.Remaining);
    }

    [Fact]
    public void ASuspendedProvider_TakesNoNewOrder_UntilReinstated_AndAnUnvettedOneNone()
    {
        var quota = Granted(Money.FromWanYuan(30));
        var lab = Lab();
        lab.Suspend("forged test reports under investigation", "admin1", Now);
        Assert.Equal("ProviderSuspended", Refusal(() => VoucherOrder.Place(Rules(), quota, lab, "o1", "product-testing", Money.FromWanYuan(2), Money.FromWanYuan(1), "clerk1", Today, Now)));
        Assert.Throws<ArgumentException>(() => lab.Reinstate(" ", "admin1", Now));
        lab.Reinstate("investigation closed", "admin1", Now);
        VoucherOrder.Place(Rules(), quota, lab, "o1", "product-testing", Money.FromWanYuan(2), Money.FromWanYuan(1), "clerk1", Today, Now);

        var fresh = ServiceProvider.Register(Uscc.Parse("91310115MA1H8CJT3W"), "New Lab", "Zhou", null, "Bank", "1", "p", Now);
        Assert.Equal("ProviderSuspended", Refusal(() => VoucherOrder.Place(Rules(), quota, fresh, "o2", "product-testing", Money.FromWanYuan(2), Money.FromWanYuan(1), "clerk1", Today, Now)));
    }

    [Theory]
    [InlineData("Zhang Wei", null)]
    [InlineData("Li Na", "91310000MA1FL4UJ5Y")]
    public void AProvider_RelatedToTheBuyer_ByItsLegalRepresentativeOrControl_CannotServeIt(string legalRepresentative, string? controller)
    {
        var quota = Granted(Money.FromWanYuan(30));
        Assert.Equal("RelatedProvider", Refusal(() => VoucherOrder.Place(Rules(), quota, Lab(legalRepresentative, controller), "o1", "product-testing", Money.FromWanYuan(2), Money.FromWanYuan(1), "clerk1", Today, Now)));
        Assert.Equal("same USCC", new VoucherParty("X", null, null).RelationTo(new VoucherParty("x", null, null)));
    }

    [Fact]
    public void ALapsedQuota_IsUnusable_AndReturnsWhatNoOrderHolds_Once()
    {
        var quota = Granted(Money.FromWanYuan(30));
        var lab = Lab();
        var order = VoucherOrder.Place(Rules(), quota, lab, "o1", "product-testing", Money.FromWanYuan(8), Money.FromWanYuan(4), "clerk1", Today, Now);
        Assert.Throws<VoucherTransitionException>(() => quota.Lapse(new DateOnly(2026, 12, 31), Now));

        var released = quota.Lapse(new DateOnly(2027, 1, 1), Now);

        Assert.Equal(Money.FromWanYuan(26), released);
        Assert.Equal(VoucherQuotaStatus.Lapsed, quota.Status);
        Assert.Throws<VoucherTransitionException>(() => quota.Lapse(new DateOnly(2027, 1, 2), Now));
        Assert.Equal("VoucherQuotaLapsed", Refusal(() => VoucherOrder.Place(Rules(), quota, lab, "o2", "product-testing", Money.FromWanYuan(2), Money.FromWanYuan(1), "clerk1", new DateOnly(2027, 1, 2), Now)));

        // the running order declined after the lapse: its share goes back to the budget too, not to the quota
        Assert.Equal(Money.FromWanYuan(4), order.Decline(quota, "provider1", "no capacity", Now));
        Assert.Equal(Money.Zero, quota.Remaining);
    }

    [Fact]
    public void AClaim_IsReviewedComplete_PublishedForItsNoticeDays_ThenSettledOncePerProviderAndCycle()
    {
        var quota = Granted(Money.FromWanYuan(30));
        var lab = Lab();
        var order = VoucherOrder.Place(Rules(), quota, lab, "o1", "product-testing", new Money(2_345_679), new Money(1_172_839), "clerk1", Today, Now);
        order.Accept("provider1", Now);
        order.Deliver("Test report TR-17", Now);
        Assert.Equal("DeliveryNotConfirmed", Refusal(() => RedemptionClaim.Submit(order, "c0", "INV-0", null, "C-1", "PAY-1", null, "provider1", Now)));
        order.ConfirmDelivery("clerk1", Now);
        Assert.Equal(VoucherOrderStatus.Confirmed, order.Status);

        Assert.Equal("InvoiceAlreadyRedeemed", Refusal(() => RedemptionClaim.Submit(order, "c1", "INV-1", "TU-2026-0007", "C-1", "PAY-1", null, "provider1", Now)));
        var claim = RedemptionClaim.Submit(order, "c1", "inv 1", null, "C-1", null, null, "provider1", Now);
        Assert.Equal(RedemptionClaimStatus.Incomplete, claim.Status);
        Assert.Equal(["payment proof"], claim.Missing);
        Assert.Equal("RedemptionClaimIncomplete", Refusal(() => claim.Approve("reviewer1", null, 5, Today, Now)));
        claim.Complete(null, "bank slip of the buyer's 11,728.40", null);

        claim.Approve("reviewer1", null, 5, Today, Now);
        Assert.Throws<VoucherTransitionException>(() => claim.Redeem(order, Today.AddDays(5), Now));
        claim.Redeem(order, Today.AddDays(6), Now);

        var cycle = SettlementCycle.Containing(Today, 3);
        Assert.Equal("2026-Q1", cycle.Key);
        Assert.Equal(new DateOnly(2026, 3, 31), cycle.Ends);
        Assert.Equal("2025-Q4", cycle.Previous.Key);
        var settlement = VoucherSettlement.Open(lab, "innovation-voucher", cycle, [claim], Now);
        Assert.Equal(new Money(1_172_839), settlement.Amount);
        Assert.Equal(RedemptionClaimStatus.Settling, claim.Status);

        Assert.Equal("SettlementReleaseConflict", Refusal(() => settlement.Release("reviewer1", ["reviewed claim c1"], Now)));
        settlement.Release("finance1", [], Now);
        Assert.Throws<VoucherTransitionException>(() => settlement.Release("finance2", [], Now));
        settlement.Send(Now);
        settlement.Paid("BANK-1", [(claim, order, quota)], Now);

        Assert.Equal(VoucherSettlementStatus.Paid, settlement.Status);
        Assert.Equal(VoucherOrderStatus.Settled, order.Status);
        Assert.Equal(new Money(1_172_839), new Money(quota.RedeemedFen));
        Assert.Throws<VoucherTransitionException>(() => settlement.Paid("BANK-2", [(claim, order, quota)], Now));
    }

    [Fact]
    public void TheVoucherBudget_ReservesAtGrant_ReleasesAtLapse_AndPaysAtSettlement_InTheSameLedger()
    {
        var budget = Budget.Open(BudgetKinds.Voucher, "innovation-voucher", 2026, Now);
        budget.SetAllocation(Money.FromWanYuan(100), new LedgerBooking("budget:v", "admin1", "2026 voucher funds", Now, Key));
        var quota = Granted(Money.FromWanYuan(30));
        var none = new ProjectBalances(quota.Id, Money.Zero, Money.Zero, Money.Zero);

        var reserve = budget.Reserve(quota.Id, quota.Granted, none, new LedgerBooking($"voucher-grant:{quota.Id:N}", "reviewer1", "granted", Now, Key));
        var afterGrant = none.Apply(reserve.Lines);
        var pay = budget.Pay(quota.Id, Money.FromWanYuan(4), afterGrant, new LedgerBooking("voucher-pay:c1", "treasury", "paid", Now, Key));
        budget.Release(quota.Id, Money.FromWanYuan(26), afterGrant.Apply(pay.Lines), new LedgerBooking($"voucher-lapse:{quota.Id:N}", "system", "lapsed", Now, Key));

        Assert.Equal(Money.FromWanYuan(96), budget.Balances.Available);
        Assert.Equal(Money.FromWanYuan(4), budget.Balances.Paid);
        Assert.Equal(Money.Zero, budget.Balances.Reserved);
        Assert.True(budget.Balances.AddsUp);
    }

    [Fact]
    public void AVoucherRuleSet_NamesItsProblems()
    {
        Assert.Empty(Rules().Problems());
        var broken = Rules() with { CoPaymentRatio = 1.5m, SettlementCycleMonths = 4, Catalogue = [], Labels = new Dictionary<string, string> { ["x"] = "guessed" } };
        Assert.Equal(4, broken.Problems().Count);
    }
}
