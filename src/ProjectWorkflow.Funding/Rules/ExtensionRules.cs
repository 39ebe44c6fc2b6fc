namespace ProjectWorkflow.Funding.Rules;

/// <summary>An extension is asked at least N months before the build period ends.</summary>
public sealed class ExtensionAskedTooLateRule(DateOnly buildPeriodEnds, DateOnly askedOn, int leadMonths) : IFundingRule
{
    public bool IsBroken() => askedOn > buildPeriodEnds.AddMonths(-leadMonths);

    public RuleMessage Message => new(
        $"延期申请须在建设期结束（{buildPeriodEnds:yyyy-MM-dd}）前至少{leadMonths}个月提出，即不晚于{buildPeriodEnds.AddMonths(-leadMonths):yyyy-MM-dd}。",
        $"An extension must be asked at least {leadMonths} months before the build period ends ({buildPeriodEnds:yyyy-MM-dd}), i.e. by {buildPeriodEnds.AddMonths(-leadMonths):yyyy-MM-dd}.");
}

public sealed class ExtensionAlreadyUsedRule(int extensionsGranted, int maxExtensions) : IFundingRule
{
    public bool IsBroken() => extensionsGranted >= maxExtensions;

    public RuleMessage Message => new(
        $"本项目已延期{extensionsGranted}次，最多可延期{maxExtensions}次。",
        $"This project has had {extensionsGranted} extension(s); at most {maxExtensions} is allowed.");
}

public sealed class ExtensionTooLongRule(int requestedMonths, int maxMonths) : IFundingRule
{
    public bool IsBroken() => requestedMonths <= 0 || requestedMonths > maxMonths;

    public RuleMessage Message => new(
        $"延期时长应为1至{maxMonths}个月，申请为{requestedMonths}个月。",
        $"An extension is 1 to {maxMonths} months; {requestedMonths} were asked.");
}
