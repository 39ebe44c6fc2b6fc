using ProjectWorkflow.Funding.Reviews;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>An expert's seat: declare first, a conflict recuses, the scores are given once and count only for a sitting expert.</summary>
public class PanelMemberTests
{
    private static readonly IReadOnlyList<RubricCriterion> Rubric =
        [new RubricCriterion("technology", "Technology", 60), new RubricCriterion("economics", "Economics", 40)];

    private static readonly DateTimeOffset At = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static ConflictOfInterestDeclaration Declaration(string expert, bool draftedTheCall = false) =>
        new(expert, false, false, draftedTheCall, false, false, At);

    private static ScoreSheet Sheet(string expert, decimal technology, decimal economics) =>
        new(expert, new Dictionary<string, decimal> { ["technology"] = technology, ["economics"] = economics });

    [Fact]
    public void Expert_DeclaresFirst_ThenScoresOnce()
    {
        var seat = PanelMember.Seat(Guid.NewGuid(), "expert1");
        Assert.Throws<InvalidOperationException>(() => seat.Score(Sheet("expert1", 50, 30), Rubric, null, At));   // the file is closed until the declaration

        Assert.False(seat.Declare(Declaration("expert1")));
        Assert.True(seat.Declared);
        Assert.Throws<InvalidOperationException>(() => seat.Declare(Declaration("expert1")));
        Assert.Throws<ArgumentException>(() => seat.Score(Sheet("expert1", 70, 30), Rubric, null, At));   // over Technology's 60
        Assert.False(seat.ReviewDone);

        seat.Score(Sheet("expert1", 50, 30), Rubric, " solid plan ", At.AddDays(2));
        Assert.Equal(80m, seat.Total);
        Assert.Equal("solid plan", seat.Comment);
        Assert.True(seat.ReviewDone);
        Assert.Equal(80m, seat.Sheet?.Total);
        Assert.Throws<InvalidOperationException>(() => seat.Score(Sheet("expert1", 60, 40), Rubric, null, At.AddDays(3)));
        Assert.Equal(80m, seat.Total);
    }

    [Fact]
    public void DeclaredConflict_RecusesTheExpert_WhoseScoresNeverCount()
    {
        var seat = PanelMember.Seat(Guid.NewGuid(), "expert2");
        Assert.True(seat.Declare(Declaration("expert2", draftedTheCall: true)));
        Assert.True(seat.Recused);
        Assert.Equal(PanelMember.ConflictDeclared, seat.RecusalReason);
        Assert.True(seat.ReviewDone);
        Assert.Null(seat.Sheet);
        Assert.Throws<InvalidOperationException>(() => seat.Score(Sheet("expert2", 50, 30), Rubric, null, At));
    }

    [Fact]
    public void Seat_IsTheExpertsOwn()
    {
        var seat = PanelMember.Seat(Guid.NewGuid(), "expert3");
        Assert.Throws<InvalidOperationException>(() => seat.Declare(Declaration("expert4")));
        seat.Declare(Declaration("expert3"));
        Assert.Throws<InvalidOperationException>(() => seat.Score(Sheet("expert4", 50, 30), Rubric, null, At));
    }
}
