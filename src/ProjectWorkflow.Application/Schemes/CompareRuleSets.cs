using ProjectWorkflow.Application.Validation;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>Two years of a scheme's rules and what changed from the first to the second.</summary>
public sealed record RuleSetComparison(string SchemeKey, string Name, string NameZh, IReadOnlyList<int> Years, int From, int To,
    IReadOnlyList<RuleSetChange> Changes);

/// <summary>
/// Compares two years of a scheme's rules (public policy, like the rule sets themselves): what changed in the rates,
/// caps, window, panel, notice and the rest. Without years: the latest year against the one before it.
/// </summary>
public sealed class CompareRuleSets(ListSchemes schemes)
{
    public async Task<RuleSetComparison> HandleAsync(string schemeKey, int? from, int? to, CancellationToken cancellationToken)
    {
        var scheme = await schemes.GetAsync(schemeKey, cancellationToken);
        var years = scheme.RuleSets.Select(r => r.Year).Order().ToList();
        var later = to ?? years.LastOrDefault();
        int? earlier = from ?? years.Where(y => y < later).Select(y => (int?)y).LastOrDefault();
        var errors = new List<FieldError>();
        var listed = string.Join(", ", years);
        if (!years.Contains(later))
            errors.Add(FieldError.Of("to", $"Choose a year {schemeKey} has rules for: {listed}.", $"请选择有规则的年度：{string.Join("、", years)}。"));
        if (earlier is not { } year || !years.Contains(year))
            errors.Add(FieldError.Of("from", $"Choose an earlier year {schemeKey} has rules for to compare with: {listed}.",
                $"请选择另一个有规则的年度进行比较：{string.Join("、", years)}。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var changes = RuleSetDiff.Between(scheme.RuleSets.Single(r => r.Year == earlier!.Value).Rules, scheme.RuleSets.Single(r => r.Year == later).Rules);
        return new RuleSetComparison(scheme.Key, scheme.Name, scheme.NameZh, years, earlier!.Value, later, changes);
    }
}
