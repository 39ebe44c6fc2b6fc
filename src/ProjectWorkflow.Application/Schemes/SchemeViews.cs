namespace ProjectWorkflow.Application.Schemes;

public sealed record SchemeSummary(string Key, string Name, string NameZh, string ProcessKey, IReadOnlyList<int> Years);

public sealed record SchemeDetail(string Key, string Name, string NameZh, string ProcessKey, IReadOnlyList<RuleSetView> RuleSets);

public sealed record RuleSetView(int Year, RuleSetDocument Rules, DateTimeOffset AddedAt, string? AddedBy);
