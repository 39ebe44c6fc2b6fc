namespace ProjectWorkflow.Application.Schemes;

/// <summary>A support line of the fund: its key, names, and the process its applications run.</summary>
public sealed class SchemeRecord
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string ProcessKey { get; set; } = "";
    public List<RuleSetRecord> RuleSets { get; set; } = [];
}

/// <summary>One year's rules of a scheme, stored as the document administrators send; immutable once added.</summary>
public sealed class RuleSetRecord
{
    public long Id { get; set; }
    public string SchemeKey { get; set; } = "";
    public int Year { get; set; }
    public string Document { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}
