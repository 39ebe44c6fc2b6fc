using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>Who an installment may pay, and how an account number is shown to those who do not pay it.</summary>
public sealed class PayeeRuleTests
{
    [Fact]
    public void APayeeOtherThanTheEnterprise_IsRefused_InBothLanguages()
    {
        var rule = new PayeeNotTheEnterpriseRule("Someone Else Trading Ltd.", "Demo Co., Ltd.");
        Assert.True(rule.IsBroken());
        Assert.Contains("Someone Else Trading Ltd.", rule.Message.English);
        Assert.Contains("Demo Co., Ltd.", rule.Message.Chinese);
        Assert.False(new PayeeNotTheEnterpriseRule(" Demo Co., Ltd. ", "Demo Co., Ltd.").IsBroken());
    }

    [Fact]
    public void OnlyTheRegisteredAccount_IsPaid_AndTheRefusalShowsItMasked()
    {
        Assert.False(new AccountNotRegisteredRule("6222 0210 0100 1234 567", "6222021001001234567").IsBroken());
        var other = new AccountNotRegisteredRule("6222000011112222333", "6222021001001234567");
        Assert.True(other.IsBroken());
        Assert.DoesNotContain("6222021001001234567", other.Message.English);
        Assert.Contains("****4567", other.Message.English);
        Assert.True(new AccountNotRegisteredRule("6222021001001234567", null).IsBroken());
    }

    [Fact]
    public void TheRequesterOrTheirEnterprise_NeverDecidesTheirOwnRequest()
    {
        Assert.True(new OwnRequestApprovalRule("enterprise1", "enterprise1").IsBroken());
        Assert.True(new OwnRequestApprovalRule("enterprise1", "colleague", actsForRequester: true).IsBroken());
        Assert.False(new OwnRequestApprovalRule("enterprise1", "finance1").IsBroken());
    }

    [Fact]
    public void AnOrderWhoseAmountChanged_IsRefused() =>
        Assert.True(new PaymentOrderAlteredRule(new Money(2_000_000_00), new Money(1_000_000_00)).IsBroken());

    [Theory]
    [InlineData("6222021001001234567", "****4567")]
    [InlineData("6222-0210 0100", "****0100")]
    [InlineData("123", "***")]
    public void AnAccountNumber_IsMaskedToItsLastFourDigits(string number, string masked) =>
        Assert.Equal(masked, BankAccountNumber.Mask(number));
}
