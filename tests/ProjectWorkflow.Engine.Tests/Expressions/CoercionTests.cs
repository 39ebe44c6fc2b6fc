using ProjectWorkflow.Engine.Expressions;
using static ProjectWorkflow.Engine.Tests.Expressions.Variables;

namespace ProjectWorkflow.Engine.Tests.Expressions;

public class CoercionTests
{
    [Fact]
    public void Every_kind_of_number_comes_out_as_decimal()
    {
        var variables = new Variables()
            .Set("i", 2)
            .Set("l", 3L)
            .Set("m", 4.25m)
            .Set("d", 0.1)
            .Set("f", 1.5f)
            .Set("b", (byte)7);

        Assert.Equal(2m, Eval("${i}", variables));
        Assert.Equal(3m, Eval("${l}", variables));
        Assert.Equal(4.25m, Eval("${m}", variables));
        Assert.Equal(0.1m, Eval("${d}", variables));
        Assert.Equal(1.5m, Eval("${f}", variables));
        Assert.Equal(7m, Eval("${b}", variables));
        Assert.Equal(17.85m, Eval("${i + l + m + d + f + b}", variables));
    }

    [Fact]
    public void Arithmetic_reads_numeric_text_as_numbers()
    {
        var variables = new Variables().Set("amount", "1200.50").Set("count", "3");

        Assert.Equal(1201.50m, Eval("${amount + 1}", variables));
        Assert.Equal(6m, Eval("${count * 2}", variables));
        Assert.Equal(-3m, Eval("${-count}", variables));
        Assert.Equal(true, Eval("${amount > 1000}", variables));
    }

    [Fact]
    public void Null_counts_as_zero_in_arithmetic()
    {
        var variables = new Variables().Set("x", null);

        Assert.Equal(5m, Eval("${x + 5}", variables));
        Assert.Equal(0m, Eval("${x * x}", variables));
        Assert.Equal(0m, Eval("${-x}", variables));
    }

    [Fact]
    public void Plus_does_not_join_two_texts()
    {
        var error = EvalFails("${a + b}", new Variables().Set("a", "district-").Set("b", "reviewer"));

        Assert.Equal(
            "'+' adds numbers and cannot join the texts 'district-' and 'reviewer'; write them side by side instead, e.g. '${a}${b}'",
            error.Message);
    }

    [Theory]
    [InlineData("${a + 1}", "abc", "'+' needs numbers, but the text 'abc' is not a number")]
    [InlineData("${a * 2}", true, "'*' needs numbers, but true is not a number")]
    [InlineData("${-a}", false, "'-' needs numbers, but false is not a number")]
    [InlineData("${a && true}", "maybe", "'&&' needs true or false, but got the text 'maybe'")]
    [InlineData("${not a}", 1, "'not' needs true or false, but got 1")]
    [InlineData("${a ? 1 : 2}", 5, "'?' needs true or false, but got 5")]
    [InlineData("${a < true}", 1, "cannot compare 1 with true using '<': it compares numbers")]
    [InlineData("${a > 'x'}", 1, "cannot compare 1 with the text 'x' using '>': it compares numbers")]
    [InlineData("${a == 'abc'}", 1, "cannot compare 1 with the text 'abc' using '==': it compares numbers")]
    [InlineData("${a lt false}", true, "cannot compare true with false using 'lt': it compares numbers or texts")]
    public void Type_mismatches_are_evaluation_errors(string text, object value, string message)
    {
        var error = EvalFails(text, new Variables().Set("a", value));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("${n == '100'}", true)]
    [InlineData("${n == '100.0'}", true)]
    [InlineData("${'1e2' eq n}", true)]
    [InlineData("${n != '99'}", true)]
    [InlineData("${n > '99'}", true)]
    [InlineData("${'100' > '99'}", false)]
    public void A_number_against_numeric_text_compares_numerically(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text, new Variables().Set("n", 100)));
    }

    [Theory]
    [InlineData("${flag == 'true'}", true)]
    [InlineData("${flag == 'TRUE'}", true)]
    [InlineData("${flag == 'false'}", false)]
    [InlineData("${flag == 'yes'}", false)]
    [InlineData("${flag != 'yes'}", true)]
    public void A_boolean_against_text_compares_as_booleans(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text, new Variables().Set("flag", true)));
    }

    [Fact]
    public void Texts_that_say_true_or_false_work_as_booleans()
    {
        var variables = new Variables().Set("approved", "true").Set("rejected", "False");

        Assert.Equal(true, Eval("${approved && !rejected}", variables));
        Assert.True(ExpressionParser.Parse("${approved}").EvaluateCondition(variables));
    }

    [Fact]
    public void Null_and_empty_text_are_false_in_logic_as_in_el()
    {
        var variables = new Variables().Set("x", null).Set("s", "");

        Assert.Equal(false, Eval("${x || s}", variables));
        Assert.Equal(true, Eval("${!x}", variables));
    }

    [Fact]
    public void Other_clr_values_are_refused_instead_of_read_by_reflection()
    {
        var error = EvalFails("${x.Length}", new Variables().Set("x", new Uri("https://example.org")));

        Assert.Equal("values of type Uri cannot be used in expressions", error.Message);
    }

    [Fact]
    public void Common_clr_values_are_read_as_text()
    {
        var id = Guid.Parse("7d4f0a52-7c4d-4d86-9d4f-3c1fe3b0a001");
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8));
        var variables = new Variables().Set("id", id).Set("at", at).Set("kind", DayOfWeek.Monday);

        Assert.Equal("7d4f0a52-7c4d-4d86-9d4f-3c1fe3b0a001", Eval("${id}", variables));
        Assert.Equal("2026-01-02T03:04:05.0000000+08:00", Eval("${at}", variables));
        Assert.Equal(true, Eval("${kind == 'Monday'}", variables));
    }

    [Fact]
    public void Not_a_number_doubles_are_refused()
    {
        var error = EvalFails("${x + 1}", new Variables().Set("x", double.NaN));

        Assert.Equal("NaN is not a number expressions can use", error.Message);
    }
}
