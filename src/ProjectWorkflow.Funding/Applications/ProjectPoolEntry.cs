using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// One project in the city's three-year rolling industrial investment pool (项目库), as the staff who keep the
/// register imported it: the enterprise by USCC, the project by name, and the year it entered the pool. A submission
/// where the rule set asks for the pool looks its project up here (<see cref="Rules.NotInProjectPoolRule"/>).
/// </summary>
public sealed class ProjectPoolEntry
{
    public const int NameLength = 300;
    public const int DistrictLength = 100;

    private ProjectPoolEntry() { }

    public Guid Id { get; private set; }
    public string Uscc { get; private set; } = "";
    public string ProjectName { get; private set; } = "";

    /// <summary>The name without spacing, punctuation, width or case differences: what a submission is matched on.</summary>
    public string NormalisedName { get; private set; } = "";
    public int PoolYear { get; private set; }
    public string? District { get; private set; }
    public Guid ImportId { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    public string ImportedBy { get; private set; } = "";

    public static ProjectPoolEntry Enter(Uscc uscc, string projectName, int poolYear, string? district, Guid importId, string importedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(projectName) || projectName.Length > NameLength)
            throw new ArgumentOutOfRangeException(nameof(projectName), projectName, $"A project name is 1 to {NameLength} characters.");
        if (poolYear is < 2000 or > 2100) throw new ArgumentOutOfRangeException(nameof(poolYear), poolYear, "The pool year lies between 2000 and 2100.");
        return new ProjectPoolEntry
        {
            Id = Guid.NewGuid(),
            Uscc = uscc.Value,
            ProjectName = projectName.Trim(),
            NormalisedName = ProjectFingerprint.Normalise(projectName),
            PoolYear = poolYear,
            District = string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
            ImportId = importId,
            ImportedAt = now,
            ImportedBy = importedBy,
        };
    }

    /// <summary>Whether this entry holds the enterprise's project for an application of <paramref name="year"/>: entered that year or in the <paramref name="poolYears"/> − 1 before.</summary>
    public bool Covers(string uscc, string projectName, int year, int poolYears) =>
        Uscc == uscc && NormalisedName == ProjectFingerprint.Normalise(projectName) && year >= PoolYear && year < PoolYear + poolYears;
}
