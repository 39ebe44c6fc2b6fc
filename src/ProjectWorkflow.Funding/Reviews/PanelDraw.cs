using System.Security.Cryptography;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Reviews;

/// <summary>The lot a panel is drawn by: picks one of <c>count</c> candidates (0 to count − 1).</summary>
public interface IPanelLottery
{
    int Pick(int count);
}

/// <summary>The lot of the real draw: a cryptographic random number, so nobody can foresee or steer who sits.</summary>
public sealed class SecureLottery : IPanelLottery
{
    public int Pick(int count) => RandomNumberGenerator.GetInt32(count);
}

/// <summary>A lot that repeats itself for the same seed (tests; replaying a draw).</summary>
public sealed class SeededLottery(int seed) : IPanelLottery
{
    private readonly Random _random = new(seed);

    public int Pick(int count) => _random.Next(count);
}

/// <summary>One seat drawn: the expert and the field whose seat they fill.</summary>
public sealed record DrawnSeat(string Expert, string Field);

/// <summary>
/// 随机抽取: the panel is drawn at random among the pool's eligible experts, seat by seat in the rule set's mix of
/// fields. Never drawn: an expert tied to the applicant or the call (<see cref="ExpertProfile.ConflictWith"/>), nor
/// anyone excluded by the caller — already seated or recused on this file, or playing another part on the project.
/// </summary>
public static class PanelDraw
{
    /// <summary>
    /// Draws up to <paramref name="vacancies"/> seats per field; a field whose eligible experts run out gets fewer
    /// (the caller decides whether the panel can still reach its quorum). Seats are drawn field by field — technical,
    /// financial, then open seats, so a specialist is not spent on a seat anyone could fill.
    /// </summary>
    public static IReadOnlyList<DrawnSeat> Draw(IReadOnlyDictionary<string, int> vacancies, IEnumerable<ExpertProfile> pool, PanelFile file,
        IReadOnlySet<string> excluded, IPanelLottery lottery)
    {
        var eligible = pool.Where(p => !excluded.Contains(p.Expert) && p.ConflictWith(file) is null)
            .DistinctBy(p => p.Expert).OrderBy(p => p.Expert, StringComparer.Ordinal).ToList();
        var drawn = new List<DrawnSeat>();
        foreach (var (field, count) in vacancies.OrderBy(v => Array.IndexOf(ExpertFields.Seatable, v.Key)))
        {
            for (var seat = 0; seat < count; seat++)
            {
                var candidates = eligible.Where(p => p.ReviewsIn(field)).ToList();
                if (candidates.Count == 0) break;
                var pick = lottery.Pick(candidates.Count);
                if (pick < 0 || pick >= candidates.Count) throw new InvalidOperationException($"The lot picked {pick} of {candidates.Count} candidates.");
                var chosen = candidates[pick];
                eligible.Remove(chosen);
                drawn.Add(new DrawnSeat(chosen.Expert, field));
            }
        }
        return drawn;
    }

    /// <summary>The seats still to fill per field: the rule's mix less the sitting (not recused) experts' seats.</summary>
    public static IReadOnlyDictionary<string, int> Vacancies(PanelRule rule, IEnumerable<PanelMember> seats)
    {
        var sitting = seats.Where(s => !s.Recused).GroupBy(s => s.Field ?? ExpertFields.Any).ToDictionary(g => g.Key, g => g.Count());
        return rule.SeatsByField.ToDictionary(s => s.Key, s => Math.Max(0, s.Value - sitting.GetValueOrDefault(s.Key)));
    }
}
