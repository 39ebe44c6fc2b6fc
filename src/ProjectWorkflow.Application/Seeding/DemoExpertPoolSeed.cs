using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// The demo expert pool (demo data only): experts 1–4 and 8 technical, 5–7 and 9 financial — enough for the seeded
/// rule sets' largest panel (tech-upgrade: 4 technical + 3 financial) with replacements. Expert 9 had a legal dispute
/// with the demo enterprise in 2025, so the draw never seats them on its files; expert 4 worked for it until 2019,
/// longer ago than the three-year look-back, so they may sit. Adds what is missing and leaves the rest alone.
/// </summary>
public sealed class DemoExpertPoolSeed(ProjectWorkflowDbContext db, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, string> FieldOf = new Dictionary<string, string>
    {
        ["expert1"] = ExpertFields.Technical,
        ["expert2"] = ExpertFields.Technical,
        ["expert3"] = ExpertFields.Technical,
        ["expert4"] = ExpertFields.Technical,
        ["expert5"] = ExpertFields.Financial,
        ["expert6"] = ExpertFields.Financial,
        ["expert7"] = ExpertFields.Financial,
        ["expert8"] = ExpertFields.Technical,
        ["expert9"] = ExpertFields.Financial,
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var enrolled = await db.Set<ExpertProfile>().Select(p => p.Expert).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (expert, field) in FieldOf.Where(f => !enrolled.Contains(f.Key)))
        {
            var profile = ExpertProfile.Enrol(expert, [field], now);
            if (expert == "expert9")
                profile.Relate(ExpertRelationKinds.LegalDispute, DemoEnterpriseSeed.Uscc, null, null, new DateOnly(2025, 6, 30), "contract dispute over a consulting fee (demo)", now);
            if (expert == "expert4")
                profile.Relate(ExpertRelationKinds.Employer, DemoEnterpriseSeed.Uscc, null, null, new DateOnly(2019, 12, 31), "process engineer 2015–2019 (demo)", now);
            db.Add(profile);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
