using ProjectWorkflow.Engine.Expressions;
using static ProjectWorkflow.Engine.Tests.Expressions.Variables;

namespace ProjectWorkflow.Engine.Tests.Expressions;

public class TextFormTests
{
    [Fact]
    public void Plain_text_is_a_literal_that_evaluates_to_itself()
    {
        var expression = ExpressionParser.Parse("district-reviewer");

        Assert.True(expression.IsLiteral);
        Assert.Empty(expression.VariableNames);
        Assert.Equal("district-reviewer", expression.Evaluate(None));
        Assert.Equal("district-reviewer", expression.Text);
    }

    [Fact]
    public void Empty_text_is_an_empty_literal()
    {
        var expression = ExpressionParser.Parse("");

        Assert.True(expression.IsLiteral);
        Assert.Equal("", expression.Evaluate(None));
    }

    [Fact]
    public void A_single_expression_keeps_the_type_of_its_value()
    {
        var variables = new Variables().Set("amount", 150).Set("approved", true);

        Assert.Equal(150m, Eval("${amount}", variables));
        Assert.Equal(true, Eval("${approved}", variables));
        Assert.Null(Eval("${null}"));
        Assert.False(ExpressionParser.Parse("${amount}").IsLiteral);
    }

    [Fact]
    public void Composite_text_concatenates_into_a_string()
    {
        var variables = new Variables().Set("district", "pudong").Set("n", 3);

        Assert.Equal("district-reviewer:pudong", Eval("district-reviewer:${district}", variables));
        Assert.Equal("3 of pudong", Eval("${n} of ${district}", variables));
        Assert.Equal("33", Eval("${n}${n}", variables));
    }

    [Fact]
    public void Composite_text_writes_null_as_nothing_and_booleans_and_numbers_plainly()
    {
        var variables = new Variables().Set("x", null).Set("ok", false).Set("rate", 0.5);

        Assert.Equal("[]", Eval("[${x}]", variables));
        Assert.Equal("ok=false rate=0.5", Eval("ok=${ok} rate=${rate}", variables));
    }

    [Fact]
    public void A_single_expression_surrounded_by_spaces_is_composite_text()
    {
        Assert.Equal(" 5 ", Eval(" ${5} "));
    }

    [Fact]
    public void Hash_braces_work_like_dollar_braces()
    {
        var variables = new Variables().Set("a", 2);

        Assert.Equal(4m, Eval("#{a * 2}", variables));
        Assert.Equal("2-2", Eval("${a}-#{a}", variables));
    }

    [Fact]
    public void A_backslash_before_dollar_brace_writes_it_literally()
    {
        var expression = ExpressionParser.Parse(@"cost: \${amount}");

        Assert.True(expression.IsLiteral);
        Assert.Equal("cost: ${amount}", expression.Evaluate(None));
    }

    [Fact]
    public void A_closing_brace_inside_a_string_does_not_end_the_expression()
    {
        Assert.Equal("a}b!", Eval("${'a}b'}!"));
    }

    [Fact]
    public void Variable_names_are_the_top_level_identifiers_read()
    {
        var expression = ExpressionParser.Parse("${a.b + c['d'] > limit ? x[i] : 0} and ${a}");

        Assert.Equal(new HashSet<string> { "a", "c", "limit", "x", "i" }, expression.VariableNames);
    }

    [Fact]
    public void Reserved_words_used_as_property_names_are_not_variables()
    {
        var expression = ExpressionParser.Parse("${form.empty or form.div}");

        Assert.Equal(new HashSet<string> { "form" }, expression.VariableNames);
    }

    [Fact]
    public void A_parsed_expression_is_reusable_across_contexts()
    {
        var expression = ExpressionParser.Parse("${amount > 100 && approved}");

        Assert.True(expression.EvaluateCondition(new Variables().Set("amount", 150).Set("approved", true)));
        Assert.False(expression.EvaluateCondition(new Variables().Set("amount", 150).Set("approved", false)));
        Assert.False(expression.EvaluateCondition(new Variables().Set("amount", 99.5).Set("approved", true)));
    }

    [Fact]
    public void TryParse_reports_success_and_failure_without_throwing()
    {
        Assert.True(ExpressionParser.TryParse("${a}", out var good, out var noError));
        Assert.NotNull(good);
        Assert.Null(noError);

        Assert.False(ExpressionParser.TryParse("${a +}", out var bad, out var error));
        Assert.Null(bad);
        Assert.Equal("expected a value at column 6, but the expression ends there", error);
    }
}
