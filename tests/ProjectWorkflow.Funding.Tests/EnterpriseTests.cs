using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>An enterprise registers, gains members, and has its bank account approved by someone else — four eyes.</summary>
public class EnterpriseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static Enterprise Acme() => Enterprise.Register(Uscc.Parse("91310000MA1FL4UJ5Y"), " Acme Tooling ", "Pudong", "clerk1", Now);

    [Fact]
    public void TheRegisteringUser_IsTheFirstMember_AndMoreCanBeAdded_Once()
    {
        var acme = Acme();
        Assert.Equal("Acme Tooling", acme.Name);
        Assert.True(acme.HasMember("clerk1"));
        acme.AddMember("clerk2");
        acme.AddMember("clerk2");
        Assert.Equal(["clerk1", "clerk2"], acme.Members.Select(m => m.UserName));
        Assert.All(acme.Members, m => Assert.Equal(acme.Id, m.EnterpriseId));
    }

    [Fact]
    public void ABankAccount_Requested_WaitsForTheFundsStaff_AndIsApprovedBySomeoneElse()
    {
        var account = Acme().RequestBankAccount("Bank of Shanghai", "6222 0210-0100 1234 567", "clerk1", Now);
        Assert.Equal(BankAccountStatus.Pending, account.Status);
        Assert.Equal("6222021001001234567", account.AccountNumber);

        Assert.Equal("OwnRequestApproval", Assert.Throws<FundingRuleBrokenException>(() => account.Approve("clerk1", actsForEnterprise: false, Now)).RuleName);
        Assert.Equal("OwnRequestApproval", Assert.Throws<FundingRuleBrokenException>(() => account.Approve("finance-insider", actsForEnterprise: true, Now)).RuleName);
        Assert.True(account.IsPending);

        account.Approve("finance1", actsForEnterprise: false, Now);
        Assert.Equal(BankAccountStatus.Approved, account.Status);
        Assert.Equal("finance1", account.DecidedBy);
        Assert.Throws<InvalidOperationException>(() => account.Reject("finance2", false, "late", Now));

        account.Replace();
        Assert.Equal(BankAccountStatus.Replaced, account.Status);
        Assert.Throws<InvalidOperationException>(() => account.Replace());
    }

    [Fact]
    public void ARejection_CarriesTheReasonTheEnterpriseReads()
    {
        var account = Acme().RequestBankAccount("Bank of Shanghai", "6222021001001234567", "clerk1", Now);
        account.Reject("finance1", actsForEnterprise: false, "The account is not in the enterprise's name.", Now);
        Assert.Equal(BankAccountStatus.Rejected, account.Status);
        Assert.Equal("The account is not in the enterprise's name.", account.DecisionReason);
    }

    [Fact]
    public void BankAccountStatuses_AreSpelledOneWay()
    {
        foreach (var status in Enum.GetValues<BankAccountStatus>())
            Assert.Equal(status, BankAccountStatusText.Parse(BankAccountStatusText.Of(status)));
        Assert.Equal("pending", BankAccountStatusText.Of(BankAccountStatus.Pending));
    }
}
