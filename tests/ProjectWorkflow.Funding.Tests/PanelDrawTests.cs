using ProjectWorkflow.Funding.Reviews;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>The draw: random among eligible experts, in the rule set's mix, never a related or excluded expert; quorum as its own figure.</summary>
public class PanelDrawTests
{
    private const string Applicant = "91310115MA1H8C2Q0N";
    private static readonly DateTimeOffset At = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly PanelFile File = new(Applicant, "tech-upgrade", 2026, new DateOnly(2026, 3, 1), LookbackYears: 3);
    private static readonly Dictionary<string, int> FourAndThree = new() { [ExpertFields.Technical] = 4, [ExpertFields.Financial] = 3 };

    private static readonly PanelRule SevenSeats = new(7, 5, [new RubricCriterion("t", "Technology", 100)], 60, true)
    {
        Seats = FourAndThree,
    };

    private static ExpertProfile Expert(string name, string field) => ExpertProfile.Enrol(name, [field], At);

    private static List<ExpertProfile> Pool() =>
    [
        .. Enumerable.Range(1, 6).Select(i => Expert($"tech{i}", ExpertFields.Technical)),
        .. Enumerable.Range(1, 5).Select(i => Expert($"fin{i}", ExpertFields.Financial)),
    ];

    [Fact]
    public void TheDraw_SeatsTheMix_AtRandom()
    {
        var panels = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var drawn = PanelDraw.Draw(FourAndThree, Pool(), File, new HashSet<string>(), new SeededLottery(seed));
            Assert.Equal(7, drawn.Select(d => d.Expert).Distinct().Count());
            Assert.Equal(4, drawn.Count(d => d.Field == ExpertFields.Technical && d.Expert.StartsWith("tech", StringComparison.Ordinal)));
            Assert.Equal(3, drawn.Count(d => d.Field == ExpertFields.Financial && d.Expert.StartsWith("fin", StringComparison.Ordinal)));
            panels.Add(string.Join(",", drawn.Select(d => d.Expert).Order()));
        }
        Assert.True(panels.Count > 5, $"40 draws gave only {panels.Count} different panels");
    }

    [Fact]
    public void TheSameSeed_DrawsTheSamePanel()
    {
        var first = PanelDraw.Draw(FourAndThree, Pool(), File, new HashSet<string>(), new SeededLottery(7));
        var again = PanelDraw.Draw(FourAndThree, Pool(), File, new HashSet<string>(), new SeededLottery(7));
        Assert.Equal(first, again);
    }

    [Fact]
    public void AnExpertTiedToTheApplicantOrTheCall_IsNeverDrawn_ButAnOldTieHasLapsed()
    {
        var pool = Pool();
        pool[0].Relate(ExpertRelationKinds.Employer, Applicant, null, null, endedOn: null, "works there", At);                       // lasts
        pool[1].Relate(ExpertRelationKinds.Advisory, Applicant, null, null, new DateOnly(2024, 5, 1), "advised it", At);            // within 3 years
        pool[2].Relate(ExpertRelationKinds.InvestmentOrControl, Applicant.ToLowerInvariant(), null, null, null, null, At);          // any case
        pool[6].Relate(ExpertRelationKinds.LegalDispute, Applicant, null, null, new DateOnly(2023, 3, 1), "lawsuit", At);           // exactly 3 years ago
        pool[7].Relate(ExpertRelationKinds.DraftedCall, null, "tech-upgrade", 2026, null, "drafted the 2026 notice", At);
        pool[3].Relate(ExpertRelationKinds.Employer, Applicant, null, null, new DateOnly(2022, 12, 31), "left long ago", At);       // lapsed
        pool[4].Relate(ExpertRelationKinds.DraftedCall, null, "tech-upgrade", 2025, null, "last year's notice", At);               // another call
        pool[5].Relate(ExpertRelationKinds.Employer, "91310000MA1K0000X0", null, null, null, "another enterprise", At);
        string[] related = ["tech1", "tech2", "tech3", "fin1", "fin2"];

        for (var seed = 0; seed < 40; seed++)
        {
            var drawn = PanelDraw.Draw(FourAndThree, pool, File, new HashSet<string>(), new SeededLottery(seed));
            Assert.DoesNotContain(drawn, d => related.Contains(d.Expert));
            Assert.Equal(["tech4", "tech5", "tech6"], drawn.Where(d => d.Field == ExpertFields.Technical).Select(d => d.Expert).Order());
            Assert.Equal(["fin3", "fin4", "fin5"], drawn.Where(d => d.Field == ExpertFields.Financial).Select(d => d.Expert).Order());
        }
        Assert.Equal(pool[1].Relations[0], pool[1].ConflictWith(File));
        Assert.Null(pool[3].ConflictWith(File));
    }

    [Fact]
    public void SeatedRecusedAndOtherParts_AreNeverDrawn_AndAShortPoolGivesWhatItHas()
    {
        var excluded = new HashSet<string> { "tech1", "tech2", "tech3", "fin5" };
        for (var seed = 0; seed < 20; seed++)
        {
            var drawn = PanelDraw.Draw(FourAndThree, Pool(), File, excluded, new SeededLottery(seed));
            Assert.DoesNotContain(drawn, d => excluded.Contains(d.Expert));
            Assert.Equal(3, drawn.Count(d => d.Field == ExpertFields.Technical));   // only tech4–6 are left for 4 seats
            Assert.Equal(3, drawn.Count(d => d.Field == ExpertFields.Financial));
        }
    }

    [Fact]
    public void ARecusal_LeavesOneVacancy_InItsField()
    {
        var application = Guid.NewGuid();
        var seats = new[] { ("tech1", "technical"), ("tech2", "technical"), ("tech3", "technical"), ("tech4", "technical"), ("fin1", "financial"), ("fin2", "financial"), ("fin3", "financial") }
            .Select(s => PanelMember.Seat(application, s.Item1, s.Item2)).ToList();
        Assert.All(PanelDraw.Vacancies(SevenSeats, seats).Values, v => Assert.Equal(0, v));

        seats[1].Declare(new ConflictOfInterestDeclaration("tech2", true, false, false, false, false, At));
        var vacancies = PanelDraw.Vacancies(SevenSeats, seats);
        Assert.Equal(1, vacancies[ExpertFields.Technical]);
        Assert.Equal(0, vacancies[ExpertFields.Financial]);

        var replacement = PanelDraw.Draw(vacancies, Pool(), File, seats.Select(s => s.Expert).ToHashSet(), new SeededLottery(1));
        var seat = Assert.Single(replacement);
        Assert.Equal(ExpertFields.Technical, seat.Field);
        Assert.Contains(seat.Expert, new[] { "tech5", "tech6" });
    }

    [Fact]
    public void QuorumIsItsOwnFigure_FiveOfSeven()
    {
        static ScoreSheet Sheet(string expert, decimal total) => new(expert, new Dictionary<string, decimal> { ["t"] = total });
        Assert.Throws<InvalidOperationException>(() => PanelResult.Of(SevenSeats, [Sheet("a", 70), Sheet("b", 80), Sheet("c", 90), Sheet("d", 60)]));
        var five = PanelResult.Of(SevenSeats, [Sheet("a", 70), Sheet("b", 80), Sheet("c", 90), Sheet("d", 60), Sheet("e", 75)]);
        Assert.Equal(75m, five.Score);   // (70 + 75 + 80) / 3, highest and lowest dropped
        Assert.Equal(5, five.Scored);
    }

    [Fact]
    public void ARuleSetsMix_AddsUpToThePanel_AndTheQuorumFitsIt()
    {
        Assert.Empty(SevenSeats.Problems());
        Assert.Contains((SevenSeats with { Quorum = 8 }).Problems(), p => p.English.Contains("quorum"));
        Assert.Contains((SevenSeats with { Seats = new Dictionary<string, int> { ["technical"] = 4, ["financial"] = 2 } }).Problems(), p => p.English.Contains("add up"));
        Assert.Contains((SevenSeats with { Seats = new Dictionary<string, int> { ["technical"] = 4, ["legal"] = 3 } }).Problems(), p => p.English.Contains("per field"));
        Assert.Equal(new Dictionary<string, int> { ["any"] = 5 }, new PanelRule(5, 3, [], 60, true).SeatsByField);
    }
}
