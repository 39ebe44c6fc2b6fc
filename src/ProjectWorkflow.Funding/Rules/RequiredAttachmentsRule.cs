using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>An application carries every kind of attachment its rule set requires before it is submitted.</summary>
public sealed class RequiredAttachmentsRule(IReadOnlyList<RequiredAttachment> required, IEnumerable<string> attachedKinds) : IFundingRule
{
    private readonly IReadOnlyList<RequiredAttachment> _missing = required.Where(r => !attachedKinds.Contains(r.Kind, StringComparer.Ordinal)).ToList();

    public IReadOnlyList<RequiredAttachment> Missing => _missing;

    public bool IsBroken() => _missing.Count > 0;

    public RuleMessage Message => new(
        $"请上传：{string.Join("、", _missing.Select(m => $"{m.NameZh}（{m.Kind}）"))}。",
        $"Attach the {string.Join(", ", _missing.Select(m => $"{m.NameEn} (kind {m.Kind})"))}.");
}
