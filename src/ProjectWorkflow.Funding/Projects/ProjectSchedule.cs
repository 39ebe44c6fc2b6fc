using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Projects;

/// <summary>
/// A funded project's build period in Shanghai dates: it starts when the first installment is paid, runs the
/// rule set's months, may be extended once (asked early enough, not too long), and acceptance must be
/// requested within the rule set's window after it ends.
/// </summary>
public sealed record ProjectSchedule(DateOnly BuildStartedOn, DateOnly BuildEndsOn, int ExtensionsGranted, int AcceptanceWindowMonths)
{
    public static ProjectSchedule Start(DateOnly on, RuleSet rules) => new(on, on.AddMonths(rules.BuildPeriodMonths), 0, rules.AcceptanceWindowMonths);

    /// <summary>The last day on which acceptance may be requested.</summary>
    public DateOnly AcceptanceDueOn => BuildEndsOn.AddMonths(AcceptanceWindowMonths);

    /// <summary>The moment the acceptance window closes: the end of its last day, Shanghai time.</summary>
    public DateTimeOffset AcceptanceDueAt => ShanghaiDate.EndOf(AcceptanceDueOn);

    /// <summary>Refuses, with the rule's sentence, an extension the rule set does not allow.</summary>
    public void CheckExtension(int months, DateOnly askedOn, RuleSet rules) => Check.Rules(
        new ExtensionAlreadyUsedRule(ExtensionsGranted, rules.MaxExtensions),
        new ExtensionTooLongRule(months, rules.MaxExtensionMonths),
        new ExtensionAskedTooLateRule(BuildEndsOn, askedOn, rules.ExtensionLeadMonths));

    /// <summary>The schedule after an approved extension: the build period (and so the acceptance window) moves.</summary>
    public ProjectSchedule Extend(int months) => this with { BuildEndsOn = BuildEndsOn.AddMonths(months), ExtensionsGranted = ExtensionsGranted + 1 };

    public void CheckAcceptanceRequest(DateOnly requestedOn) =>
        Check.Rules(new AcceptanceOutsideWindowRule(BuildEndsOn, requestedOn, AcceptanceWindowMonths));
}
