using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Funding.Tests;

public class UsccTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91310000MA1FL4UJ5Y")]
    [InlineData("9131 0115 ma1h8c2q0n")]   // spaces and lower case as typed
    public void ValidCodes_AreAccepted(string text)
    {
        Assert.True(Uscc.TryParse(text, out var code, out var problem), problem?.English);
        Assert.Equal(18, code.Value.Length);
        Assert.Equal(code.Value.ToUpperInvariant(), code.Value);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "check character")]
    [InlineData("91350100M000100Y4", "18 characters")]
    [InlineData("91350100M00O100Y43", "'O'")]
    [InlineData("", "18 characters")]
    public void InvalidCodes_SayWhatIsWrong(string text, string expected)
    {
        Assert.False(Uscc.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem!.English);
        Assert.DoesNotContain("统一社会信用代码", problem.English);
        Assert.Contains("统一社会信用代码", Uscc.TryParse("1", out _, out var zh) ? "" : zh!.Chinese);
    }
}
