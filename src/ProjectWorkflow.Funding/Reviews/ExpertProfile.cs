namespace ProjectWorkflow.Funding.Reviews;

/// <summary>The file a panel is drawn for: whose it is (USCC), which call (scheme and year), and the day of the draw.</summary>
public sealed record PanelFile(string Uscc, string SchemeKey, int Year, DateOnly Today, int LookbackYears);

/// <summary>
/// An expert of the pool (专家库): the portal user with the expert role, the fields they review in, and their ties
/// to enterprises and calls, which keep them off those files. Kept by administrators.
/// </summary>
public sealed class ExpertProfile
{
    private readonly List<ExpertRelation> _relations = [];

    private ExpertProfile() { }

    public long Id { get; private set; }

    /// <summary>The expert's user name.</summary>
    public string Expert { get; private set; } = "";

    /// <summary>The fields, comma-separated as stored (<see cref="FieldList"/> to read them).</summary>
    public string Fields { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ExpertRelation> Relations => _relations;

    public IReadOnlyList<string> FieldList => Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static ExpertProfile Enrol(string expert, IReadOnlyCollection<string> fields, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(expert)) throw new ArgumentException("An expert is a user name.", nameof(expert));
        var profile = new ExpertProfile { Expert = expert.Trim() };
        profile.SetFields(fields, at);
        return profile;
    }

    /// <summary>The fields the expert reviews in (at least one, each a known field).</summary>
    public void SetFields(IReadOnlyCollection<string> fields, DateTimeOffset at)
    {
        if (fields.Count == 0 || fields.Any(f => !ExpertFields.IsKnown(f)))
            throw new ArgumentException($"An expert reviews in one or more of: {string.Join(", ", ExpertFields.All)}.", nameof(fields));
        Fields = string.Join(",", ExpertFields.All.Where(fields.Contains));
        UpdatedAt = at;
    }

    public bool ReviewsIn(string field) => field == ExpertFields.Any || FieldList.Contains(field);

    public ExpertRelation Relate(string kind, string? uscc, string? schemeKey, int? year, DateOnly? endedOn, string? note, DateTimeOffset at)
    {
        var relation = ExpertRelation.Of(kind, uscc, schemeKey, year, endedOn, note);
        _relations.Add(relation);
        UpdatedAt = at;
        return relation;
    }

    /// <summary>Removes a relation recorded by mistake; false when the expert has no such relation.</summary>
    public bool Unrelate(long relationId, DateTimeOffset at)
    {
        var removed = _relations.RemoveAll(r => r.Id == relationId) > 0;
        if (removed) UpdatedAt = at;
        return removed;
    }

    /// <summary>The relation that keeps the expert off <paramref name="file"/>, or null when none does.</summary>
    public ExpertRelation? ConflictWith(PanelFile file) => _relations.FirstOrDefault(r => r.Conflicts(file));
}

/// <summary>
/// One tie of an expert: to an enterprise by USCC (employer, advisory, investment or control, legal dispute), with the
/// day it ended (none: it lasts), or to a call (drafted the scheme's notice of a year).
/// </summary>
public sealed class ExpertRelation
{
    private ExpertRelation() { }

    public long Id { get; private set; }
    public long ExpertProfileId { get; private set; }
    public string Kind { get; private set; } = "";
    public string? Uscc { get; private set; }
    public string? SchemeKey { get; private set; }
    public int? Year { get; private set; }

    /// <summary>When the tie ended; null while it lasts.</summary>
    public DateOnly? EndedOn { get; private set; }

    public string? Note { get; private set; }

    internal static ExpertRelation Of(string kind, string? uscc, string? schemeKey, int? year, DateOnly? endedOn, string? note)
    {
        if (!ExpertRelationKinds.IsKnown(kind)) throw new ArgumentException($"A relation is one of: {string.Join(", ", ExpertRelationKinds.All)}.", nameof(kind));
        if (kind == ExpertRelationKinds.DraftedCall)
        {
            if (string.IsNullOrWhiteSpace(schemeKey) || year is null) throw new ArgumentException("Drafting a call names the scheme and the year.", nameof(schemeKey));
            return new ExpertRelation { Kind = kind, SchemeKey = schemeKey.Trim(), Year = year, Note = note?.Trim() };
        }
        if (string.IsNullOrWhiteSpace(uscc)) throw new ArgumentException("A relation to an enterprise names its USCC.", nameof(uscc));
        return new ExpertRelation { Kind = kind, Uscc = uscc.Trim(), EndedOn = endedOn, Note = note?.Trim() };
    }

    /// <summary>
    /// Ties to the applicant count while they last and for the look-back years after they ended (worked for, advised,
    /// invested in or controlled, or disputed with the enterprise "within 3 years"); drafting the call counts for that call.
    /// </summary>
    public bool Conflicts(PanelFile file) => Kind == ExpertRelationKinds.DraftedCall
        ? SchemeKey == file.SchemeKey && Year == file.Year
        : string.Equals(Uscc, file.Uscc, StringComparison.OrdinalIgnoreCase)
          && (EndedOn is not { } ended || ended >= file.Today.AddYears(-file.LookbackYears));
}
