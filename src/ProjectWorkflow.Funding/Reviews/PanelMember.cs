using System.Text.Json;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Reviews;

/// <summary>
/// One expert's seat on one application's panel: the conflict-of-interest declaration (made before the file
/// opens) — a conflict recuses them — then the rubric scores, which the expert may correct while the panel sits.
/// </summary>
public sealed class PanelMember
{
    public const string ConflictDeclared = "declared a conflict of interest";

    private PanelMember() { }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Expert { get; private set; } = "";

    /// <summary>The field whose seat the expert fills (<see cref="ExpertFields"/>); null for seats drawn before the mix.</summary>
    public string? Field { get; private set; }

    /// <summary>The recused expert this one replaced, if any.</summary>
    public string? Replaces { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }
    public bool Recused { get; private set; }
    public string? RecusalReason { get; private set; }

    /// <summary>criterion key → points, as JSON.</summary>
    public string? Points { get; private set; }
    public decimal? Total { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? ScoredAt { get; private set; }

    public bool Declared => DeclaredAt is not null;

    /// <summary>The expert's review is done: scored, or recused.</summary>
    public bool ReviewDone => ScoredAt is not null || Recused;

    /// <summary>The scores that count towards the panel's result (a recused expert's never do).</summary>
    public ScoreSheet? Sheet => Recused || Points is null
        ? null
        : new ScoreSheet(Expert, JsonSerializer.Deserialize<Dictionary<string, decimal>>(Points)!);

    /// <summary>A seat for <paramref name="expert"/> on the panel of <paramref name="applicationId"/>, drawn from the pool.</summary>
    public static PanelMember Seat(Guid applicationId, string expert, string? field = null, string? replaces = null)
    {
        if (string.IsNullOrWhiteSpace(expert)) throw new ArgumentException("A seat is an expert's.", nameof(expert));
        if (field is not null && !ExpertFields.IsSeat(field)) throw new ArgumentException($"'{field}' is not a seat of the mix.", nameof(field));
        return new PanelMember { ApplicationId = applicationId, Expert = expert, Field = field, Replaces = replaces };
    }

    /// <summary>The expert declares, once and before the file opens; a declared conflict recuses them. Returns whether it did.</summary>
    public bool Declare(ConflictOfInterestDeclaration declaration)
    {
        if (declaration.Expert != Expert) throw new InvalidOperationException($"{declaration.Expert} cannot declare for {Expert}'s seat.");
        if (Declared) throw new InvalidOperationException($"{Expert} has already declared for this application.");
        DeclaredAt = declaration.DeclaredAt;
        if (declaration.HasConflict) Recuse(ConflictDeclared);
        return Recused;
    }

    /// <summary>The expert steps down from the panel, with the reason; their scores (if any) no longer count.</summary>
    public void Recuse(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A recusal says why.", nameof(reason));
        if (Recused) throw new InvalidOperationException($"{Expert} has already recused ({RecusalReason}).");
        Recused = true;
        RecusalReason = reason;
    }

    /// <summary>
    /// The expert's review is done: their score sheet on the rule set's <paramref name="rubric"/>, given once, after
    /// the declaration and only by an expert still on the panel. A sheet with problems is refused (check it first).
    /// </summary>
    public void Score(ScoreSheet sheet, IReadOnlyList<RubricCriterion> rubric, string? comment, DateTimeOffset at)
    {
        if (sheet.Expert != Expert) throw new InvalidOperationException($"{sheet.Expert} cannot score in {Expert}'s seat.");
        if (!Declared) throw new InvalidOperationException($"{Expert} has not declared conflicts of interest yet; the file is closed to them.");
        if (Recused) throw new InvalidOperationException($"{Expert} has recused ({RecusalReason}) and does not score.");
        if (ScoredAt is not null) throw new InvalidOperationException($"{Expert} has already scored this application.");
        if (sheet.Problems(rubric) is [var problem, ..]) throw new ArgumentException(problem.English, nameof(sheet));
        Points = JsonSerializer.Serialize(sheet.Points);
        Total = sheet.Total;
        Comment = comment?.Trim();
        ScoredAt = at;
    }

    /// <summary>
    /// The expert corrects the scores they gave (a mistake seen after sending), replacing the sheet and comment. Only an
    /// expert who has scored and is still on the panel; whether the panel still sits is the caller's to check.
    /// </summary>
    public void CorrectScores(ScoreSheet sheet, IReadOnlyList<RubricCriterion> rubric, string? comment, DateTimeOffset at)
    {
        if (sheet.Expert != Expert) throw new InvalidOperationException($"{sheet.Expert} cannot score in {Expert}'s seat.");
        if (Recused) throw new InvalidOperationException($"{Expert} has recused ({RecusalReason}) and does not score.");
        if (ScoredAt is null) throw new InvalidOperationException($"{Expert} has not scored this application yet: there is nothing to correct.");
        if (sheet.Problems(rubric) is [var problem, ..]) throw new ArgumentException(problem.English, nameof(sheet));
        Points = JsonSerializer.Serialize(sheet.Points);
        Total = sheet.Total;
        Comment = comment?.Trim();
        ScoredAt = at;
    }
}
