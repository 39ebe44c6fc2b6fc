using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Invoices;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>The application owns its life: a draft is edited, submitted under the scheme's rules, reviewed and approved within the budget.</summary>
public class FundingApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private const string Acme = "91310000MA1FL4UJ5Y";

    /// <summary>The project tests' rule set, with software eligible too, the window and the pool rule as each test needs.</summary>
    private static RuleSet Rules(ApplicationWindow? window = null, bool pool = false) => ProjectLifecycleTests.Rules with
    {
        Window = window ?? ApplicationWindow.YearRound,
        EligibleCostCategories = ["equipment", "software"],
        RequiresProjectPool = pool,
    };

    /// <summary>The pool's register, holding the draft's project since 2025 (a three-year rolling pool).</summary>
    private static readonly IReadOnlyList<ProjectPoolEntry> Pool =
        [ProjectPoolEntry.Enter(Enterprises.Uscc.Parse(Acme), "LINE 3  retrofit。", 2025, "Pudong", Guid.NewGuid(), "reviewer1", Now.AddYears(-1))];

    private static FundingApplication ADraft()
    {
        var draft = FundingApplication.Draft("TU-2026-0001", "tech-upgrade", 2026, Guid.NewGuid(), Acme, "enterprise1", Now.AddDays(-1));
        draft.Revise(new DraftChanges
        {
            ProjectName = "Line 3 retrofit", Site = "No. 88 Jinqiao Rd", Description = "CNC", ProjectLeaderName = "Li", ProjectLeaderIdentity = "310101198001010011",
            EquipmentFen = 800_000_00, SoftwareFen = 200_000_00, OtherFen = 50_000_00, InvoiceNumbers = ["0441 2300", "ｆｐ-7"],
        }, Now.AddDays(-1));
        return draft;
    }

    private static FundingApplication Submitted()
    {
        var application = ADraft();
        application.Submit(Rules(), [], [], Pool, Guid.NewGuid(), Now);
        return application;
    }

    private static string RuleOf(Action move) => Assert.Throws<FundingRuleBrokenException>(move).RuleName;

    [Fact]
    public void ADraft_IsRevisedByTheEnterprise_EachSaveBumpingTheRevision()
    {
        var draft = ADraft();
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Equal(1, draft.Revision);
        Assert.Equal(ProjectFingerprint.Of(Enterprises.Uscc.Parse(Acme), "Line 3 retrofit", "No. 88 Jinqiao Rd"), draft.Fingerprint);

        draft.Revise(new DraftChanges { Site = "No. 90 Jinqiao Rd" }, Now);
        Assert.Equal(2, draft.Revision);
        Assert.Equal("Line 3 retrofit", draft.ProjectName);
        Assert.Equal("No. 90 Jinqiao Rd", draft.Site);
        Assert.Equal(Now, draft.UpdatedAt);
    }

    [Fact]
    public void Withdraw_WhileWithTheDistrict_OnlyOnceSubmitted_AndADraftIsDeletedInstead()
    {
        var withTheDistrict = Submitted();
        withTheDistrict.PutUnderReview();
        withTheDistrict.Withdraw(stillWithTheDistrict: true, Now);
        Assert.Equal(ApplicationStatus.Withdrawn, withTheDistrict.Status);

        var withThePanel = Submitted();
        withThePanel.PutUnderReview();
        Assert.Equal("WithdrawnOnlyInDistrictReview", RuleOf(() => withThePanel.Withdraw(stillWithTheDistrict: false, Now)));
        Assert.Equal(ApplicationStatus.UnderReview, withThePanel.Status);

        Assert.Throws<IllegalTransitionException>(() => ADraft().Withdraw(stillWithTheDistrict: true, Now));
        ADraft().EnsureDeletable();
        Assert.Throws<IllegalTransitionException>(() => Submitted().EnsureDeletable());
    }

    [Fact]
    public void RequiredAttachments_NameEachKindStillMissing()
    {
        RequiredAttachment[] required = [new("feasibility-report", "可行性研究报告", "feasibility report"), new("business-licence", "营业执照", "business licence")];
        var rule = new RequiredAttachmentsRule(required, ["feasibility-report", "other"]);
        Assert.True(rule.IsBroken());
        Assert.Equal("Attach the business licence (kind business-licence).", rule.Message.English);
        Assert.Equal("请上传：营业执照（business-licence）。", rule.Message.Chinese);
        Assert.False(new RequiredAttachmentsRule(required, ["business-licence", "feasibility-report"]).IsBroken());
    }

    [Fact]
    public void TheInvestment_IsTheDraftsFourCategories()
    {
        var investment = ADraft().Investment;
        Assert.Equal(new Money(1_050_000_00), investment.Total);
        Assert.Equal(new Money(1_000_000_00), investment.Eligible(Rules().EligibleCostCategories));
    }

    [Fact]
    public void InvoiceNumbers_AreClaimedNormalised_SoSpacingWidthAndCaseDoNotMakeANewInvoice()
    {
        Assert.Equal("04412300", InvoiceNumber.Normalise(" 0441 2300 "));
        Assert.Equal("FP-7", InvoiceNumber.Normalise("ｆｐ－７"));
        Assert.Equal(["04412300", "FP-7"], ADraft().Invoices);
        Assert.Equal(["A1"], InvoiceNumber.NormaliseAll(["a1", "A 1", "Ａ１"]));

        var claims = Submitted().InvoiceClaims(Now);
        Assert.All(claims, c => Assert.Equal(ClaimantKinds.Application, c.ClaimantKind));
        Assert.Equal(["04412300", "FP-7"], claims.Select(c => c.InvoiceNumber));
    }

    [Fact]
    public void Submit_MovesTheDraftToSubmitted_UnderItsProcess()
    {
        var application = ADraft();
        var process = Guid.NewGuid();
        application.Submit(Rules(), [], [], Pool, process, Now);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(process, application.InstanceId);
        Assert.Equal(Now, application.SubmittedAt);
        Assert.Equal(2, application.Revision);
    }

    [Fact]
    public void Submit_OutsideTheWindow_IsRefusedByTheWindowRule()
    {
        var closed = new ApplicationWindow(Now.AddDays(-30), Now.AddDays(-1));
        var application = ADraft();
        Assert.Equal("ApplicationWindowClosed", RuleOf(() => application.Submit(Rules(closed), [], [], Pool, Guid.NewGuid(), Now)));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.InstanceId);
    }

    [Fact]
    public void Submit_WhileTheLeaderIsUnderSanction_IsRefusedBySanctionRule()
    {
        var sanction = new CreditSanction("310101198001010011", CreditSanction.Leader, Now.AddYears(-1), Now.AddYears(1), "false invoices");
        Assert.Equal("EnterpriseUnderSanction", RuleOf(() => ADraft().Submit(Rules(), [sanction], [], Pool, Guid.NewGuid(), Now)));
    }

    [Fact]
    public void Submit_OfAProjectSupportedAlready_IsRefusedByTheFundedOnceRule()
    {
        var earlier = new FundedProject("SF-2026-0003", "smart-factory", "invoice 04412300 already claimed");
        Assert.Equal("ProjectAlreadyFunded", RuleOf(() => ADraft().Submit(Rules(), [], [earlier], Pool, Guid.NewGuid(), Now)));
    }

    [Fact]
    public void Submit_OutsideTheProjectPool_WhereTheRulesAskForIt_IsRefusedByThePoolRule()
    {
        Assert.Equal("NotInProjectPool", RuleOf(() => ADraft().Submit(Rules(pool: true), [], [], [], Guid.NewGuid(), Now)));
        var entered2023 = ProjectPoolEntry.Enter(Enterprises.Uscc.Parse(Acme), "Line 3 retrofit", 2023, null, Guid.NewGuid(), "admin1", Now);
        Assert.Equal("NotInProjectPool", RuleOf(() => ADraft().Submit(Rules(pool: true), [], [], [entered2023], Guid.NewGuid(), Now)));   // 2023–2025 only
        var submitted = ADraft();
        submitted.Submit(Rules(pool: true), [], [], Pool, Guid.NewGuid(), Now);
        Assert.True(submitted.InProjectPool);
        ADraft().Submit(Rules(pool: false), [], [], [], Guid.NewGuid(), Now);
    }

    [Fact]
    public void Submit_WithFixedAssetsNotAboveTheShare_IsRefused_AndANamedSupportMethodMustBeOffered()
    {
        // Equipment 800,000 + construction 0 of a 1,050,000 total = 76.19%: above 60%, but not above 80%.
        ADraft().Submit(Rules() with { MinFixedAssetShare = 0.6m }, [], [], [], Guid.NewGuid(), Now);
        var refused = Assert.Throws<FundingRuleBrokenException>(() => ADraft().Submit(Rules() with { MinFixedAssetShare = 0.8m }, [], [], [], Guid.NewGuid(), Now));
        Assert.Equal("FixedAssetShareTooLow", refused.RuleName);
        Assert.Contains("76.19%", refused.Rule.Message.English);
        Assert.Contains("80%", refused.Rule.Message.Chinese);

        var draft = ADraft();
        draft.Revise(new DraftChanges { SupportMethod = "loan-interest" }, Now);
        Assert.Equal("SupportMethodNotOffered", RuleOf(() => draft.Submit(Rules(), [], [], [], Guid.NewGuid(), Now)));
        draft.Submit(Rules() with { SupportOptions = [new("grant", "Grant", "补助", ProjectLifecycleTests.Rules.Support), new("loan-interest", "Interest", "贴息", new LoanInterestSubsidy(0.5m, Money.FromWanYuan(1_000)))] },
            [], [], [], Guid.NewGuid(), Now);
    }

    [Fact]
    public void ASubmittedFile_IsNotSubmittedOrEditedAgain()
    {
        var application = Submitted();
        Assert.Contains("already submitted", Assert.Throws<IllegalTransitionException>(() => application.Submit(Rules(), [], [], Pool, Guid.NewGuid(), Now)).Message);
        Assert.Contains("only a draft or a file returned for supplement", Assert.Throws<IllegalTransitionException>(() => application.Revise(new DraftChanges { Site = "x" }, Now)).Message);
    }

    [Fact]
    public void AFileReturnedForSupplement_IsEditedAndResubmitted_BackToReview()
    {
        var application = Submitted();
        application.PutUnderReview();
        application.ReturnForSupplement();
        application.Revise(new DraftChanges { InvoiceNumbers = ["0441 2301"] }, Now);
        Assert.Equal(["04412301"], application.Invoices);
        application.Resubmit();
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
    }

    [Fact]
    public void Review_PublishesTheNotice_ThenApprovesWithinTheBudgetLeft()
    {
        var application = Submitted();
        application.PutUnderReview();
        application.RecordCalculatedSubsidy(new Money(100_000_00));
        application.PublishNotice();
        application.Approve(new Money(100_000_00), budgetLeft: new Money(100_000_00));
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(100_000_00, application.ApprovedAmountFen);
    }

    [Fact]
    public void Approve_BeyondTheBudgetLeft_IsRefusedByTheBudgetRule_AndStaysInNotice()
    {
        var application = Submitted();
        application.PutUnderReview();
        application.PublishNotice();
        Assert.Equal("BudgetExceeded", RuleOf(() => application.Approve(new Money(100_000_01), budgetLeft: new Money(100_000_00))));
        Assert.Equal(ApplicationStatus.InPublicNotice, application.Status);
    }

    [Fact]
    public void MovesTheStatusDoesNotAllow_AreRefused_SaidAsTheUserWouldUnderstandThem()
    {
        Assert.Contains("cannot be approved", Assert.Throws<IllegalTransitionException>(() => Submitted().Approve(Money.Zero, Money.Zero)).Message);
        Assert.Throws<IllegalTransitionException>(() => ADraft().PutUnderReview());
        Assert.Throws<IllegalTransitionException>(() => ADraft().PublishNotice());
        Assert.Throws<IllegalTransitionException>(() => Submitted().Resubmit());

        var rejected = Submitted();
        rejected.Reject();
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Contains("rejected", Assert.Throws<IllegalTransitionException>(() => rejected.Lapse()).Message);
        Assert.Throws<IllegalTransitionException>(() => rejected.ReturnForSupplement());

        var lapsed = Submitted();
        lapsed.ReturnForSupplement();
        lapsed.Lapse();
        Assert.Equal(ApplicationStatus.Rejected, lapsed.Status);

        Assert.False(FundingApplication.CanMove(ApplicationStatus.Closed, ApplicationStatus.Building));
        Assert.True(FundingApplication.CanMove(ApplicationStatus.Closed, ApplicationStatus.Recovered));
    }
}
