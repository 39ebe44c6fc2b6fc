using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// A district reviews its applications in one batch only once the scheme's window has closed (2026: districts forward
/// within 2 working days after Feb 4, 16:00 Shanghai time): before then more files may still arrive, and each file is
/// reviewed on its own. A year-round intake has no closing time and is reviewed in batches whenever the district chooses.
/// </summary>
public sealed class BatchReviewBeforeWindowClosesRule(ApplicationWindow window, DateTimeOffset at) : IFundingRule
{
    public bool IsBroken() => window.Closes is { } closes && at < closes;

    private string Closes => window.Closes is { } closes ? closes.ToOffset(ShanghaiDate.Offset).ToString("yyyy-MM-dd HH:mm") : "";

    public RuleMessage Message => new(
        $"申报期于 {Closes}（北京时间）截止，截止后方可批量审核；截止前请逐件审核。",
        $"The application window closes at {Closes} Shanghai time; batch review opens after that. Until then, review each file on its own.");
}
