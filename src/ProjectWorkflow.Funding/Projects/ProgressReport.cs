namespace ProjectWorkflow.Funding.Projects;

/// <summary>A progress report (进度报告) on a project being built, quarterly or annual (年度报告). Amounts in integer fen.</summary>
public sealed class ProgressReport
{
    public const string Quarterly = "quarterly";
    public const string Annual = "annual";

    private ProgressReport() { }

    /// <summary><see cref="Quarterly"/> or <see cref="Annual"/>.</summary>
    public string Kind { get; private set; } = Quarterly;

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }

    /// <summary>1 for the first report of its kind of the project, then 2, 3 …</summary>
    public int Sequence { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";

    /// <summary>Submitted after its due date (the task was flagged overdue or would have been).</summary>
    public bool Late { get; private set; }
    public long InvestedSoFarFen { get; private set; }
    public int PercentComplete { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Problems { get; private set; }

    /// <summary>The <paramref name="sequence"/>th report, filed at <paramref name="at"/> for the one due at <paramref name="dueAt"/> (late after it).</summary>
    public static ProgressReport File(Guid applicationId, int sequence, DateTimeOffset? dueAt, DateTimeOffset at, string by,
        Money investedSoFar, int percentComplete, string summary, string? problems, string kind = Quarterly)
    {
        if (kind is not (Quarterly or Annual)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "A report is quarterly or annual.");
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Reports are numbered from 1.");
        if (investedSoFar.IsNegative) throw new ArgumentOutOfRangeException(nameof(investedSoFar), investedSoFar, "The investment so far is 0 or more.");
        if (percentComplete is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percentComplete), percentComplete, "Progress is 0 to 100 percent.");
        if (string.IsNullOrWhiteSpace(summary)) throw new ArgumentException("A report says what was done.", nameof(summary));
        return new ProgressReport
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            ApplicationId = applicationId,
            Sequence = sequence,
            DueAt = dueAt,
            SubmittedAt = at,
            SubmittedBy = by,
            Late = dueAt < at,
            InvestedSoFarFen = investedSoFar.Fen,
            PercentComplete = percentComplete,
            Summary = summary.Trim(),
            Problems = string.IsNullOrWhiteSpace(problems) ? null : problems.Trim(),
        };
    }
}
