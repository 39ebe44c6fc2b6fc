using ProjectWorkflow.Engine.Expressions;
using static ProjectWorkflow.Engine.Tests.Expressions.Variables;

namespace ProjectWorkflow.Engine.Tests.Expressions;

public class OperatorTests
{
    [Theory]
    [InlineData("${1 + 2 * 3}", "7")]
    [InlineData("${(1 + 2) * 3}", "9")]
    [InlineData("${10 - 4 - 3}", "3")]
    [InlineData("${7 / 2}", "3.5")]
    [InlineData("${7 div 2}", "3.5")]
    [InlineData("${7 % 3}", "1")]
    [InlineData("${7 mod 3}", "1")]
    [InlineData("${-7 % 3}", "-1")]
    [InlineData("${-(2 + 3)}", "-5")]
    [InlineData("${- -4}", "4")]
    [InlineData("${0.1 + 0.2}", "0.3")]
    [InlineData("${1.5e2}", "150")]
    [InlineData("${.5 * 4}", "2.0")]
    [InlineData("${2 - -1}", "3")]
    public void Arithmetic_follows_precedence_and_gives_decimals(string text, string expected)
    {
        var result = Assert.IsType<decimal>(Eval(text));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Theory]
    [InlineData("${1 < 2}", true)]
    [InlineData("${2 lt 1}", false)]
    [InlineData("${2 > 1}", true)]
    [InlineData("${2 gt 2}", false)]
    [InlineData("${2 <= 2}", true)]
    [InlineData("${3 le 2}", false)]
    [InlineData("${2 >= 3}", false)]
    [InlineData("${3 ge 3}", true)]
    [InlineData("${1 == 1.0}", true)]
    [InlineData("${1 eq 2}", false)]
    [InlineData("${1 != 2}", true)]
    [InlineData("${1 ne 1}", false)]
    [InlineData("${'a' < 'b'}", true)]
    [InlineData("${'abc' == \"abc\"}", true)]
    [InlineData("${1 < 2 == 3 < 4}", true)]
    [InlineData("${null == null}", true)]
    [InlineData("${null != 0}", true)]
    [InlineData("${null < 1}", false)]
    public void Comparisons_and_their_word_forms(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Theory]
    [InlineData("${true && false}", false)]
    [InlineData("${true and true}", true)]
    [InlineData("${false || true}", true)]
    [InlineData("${false or false}", false)]
    [InlineData("${!true}", false)]
    [InlineData("${not false}", true)]
    [InlineData("${not (1 > 2)}", true)]
    [InlineData("${true || false && false}", true)]
    [InlineData("${!(true || false)}", false)]
    public void Logical_operators_and_their_word_forms(string text, bool expected)
    {
        Assert.Equal(expected, Eval(text));
    }

    [Fact]
    public void And_and_or_do_not_evaluate_the_side_that_cannot_matter()
    {
        // 'missing' is unknown: reading it would throw, so these prove short-circuiting.
        Assert.Equal(false, Eval("${false && missing}"));
        Assert.Equal(true, Eval("${true || missing}"));
    }

    [Fact]
    public void The_ternary_evaluates_only_the_chosen_branch()
    {
        var variables = new Variables().Set("amount", 500000);

        Assert.Equal("city", Eval("${amount > 100000 ? 'city' : missing}", variables));
        Assert.Equal("b", Eval("${false ? 'a' : true ? 'b' : 'c'}"));
    }

    [Fact]
    public void Conditions_read_numbers_and_booleans_together()
    {
        var variables = new Variables().Set("amount", 150).Set("approved", true);

        Assert.True(ExpressionParser.Parse("${amount > 100 && approved}").EvaluateCondition(variables));
        Assert.True(ExpressionParser.Parse("${amount gt 100 and approved}").EvaluateCondition(variables));
        Assert.False(ExpressionParser.Parse("${amount le 100 or not approved}").EvaluateCondition(variables));
    }

    [Theory]
    [InlineData("${empty x}", true)]
    [InlineData("${empty s}", true)]
    [InlineData("${empty list}", true)]
    [InlineData("${empty map}", true)]
    [InlineData("${empty full}", false)]
    [InlineData("${empty 0}", false)]
    [InlineData("${not empty full}", true)]
    [InlineData("${!empty s}", false)]
    public void Empty_is_true_for_null_empty_text_and_empty_collections(string text, bool expected)
    {
        var variables = new Variables()
            .Set("x", null)
            .Set("s", "")
            .Set("list", new List<object?>())
            .Set("map", new Dictionary<string, object?>())
            .Set("full", new[] { 1 });

        Assert.Equal(expected, Eval(text, variables));
    }

    [Fact]
    public void Division_by_zero_is_an_evaluation_error()
    {
        Assert.Equal("division by zero: 1 / 0", EvalFails("${1 / 0}").Message);
        Assert.Equal("division by zero: 5 mod 0", EvalFails("${5 mod 0}").Message);
        Assert.Equal("division by zero: 5 div 0", EvalFails("${x div 0}", new Variables().Set("x", 5)).Message);
    }

    [Fact]
    public void Overflow_is_an_evaluation_error()
    {
        var error = EvalFails("${79228162514264337593543950335 * 2}");

        Assert.Equal("the result of '*' is too large", error.Message);
    }

    [Fact]
    public void An_unknown_variable_is_an_evaluation_error()
    {
        var error = EvalFails("${amount > 100}");

        Assert.Equal("unknown variable 'amount'", error.Message);
    }

    [Fact]
    public void A_known_variable_holding_null_is_not_unknown()
    {
        Assert.Null(Eval("${x}", new Variables().Set("x", null)));
    }

    [Fact]
    public void Conditions_must_give_a_boolean()
    {
        Assert.True(ExpressionParser.Parse("${'TRUE'}").EvaluateCondition(None));
        Assert.False(ExpressionParser.Parse("false").EvaluateCondition(None));
        Assert.True(ExpressionParser.Parse("${a}${b}").EvaluateCondition(new Variables().Set("a", "tr").Set("b", "ue")));

        var error = Assert.Throws<ExpressionEvaluationException>(
            () => ExpressionParser.Parse("${amount}").EvaluateCondition(new Variables().Set("amount", 3)));
        Assert.Equal("the condition '${amount}' must give true or false, but gave 3", error.Message);

        Assert.Throws<ExpressionEvaluationException>(() => ExpressionParser.Parse("${null}").EvaluateCondition(None));
        Assert.Throws<ExpressionEvaluationException>(() => ExpressionParser.Parse("yes").EvaluateCondition(None));
    }

    [Fact]
    public void String_literals_understand_escapes_and_both_quotes()
    {
        Assert.Equal("it's", Eval(@"${'it\'s'}"));
        Assert.Equal("say \"hi\"", Eval(@"${""say \""hi\""""}"));
        Assert.Equal("a\\b", Eval(@"${'a\\b'}"));
        Assert.Equal("line\nnext\tcol", Eval(@"${'line\nnext\tcol'}"));
        Assert.Equal("审批", Eval(@"${'\u5ba1\u6279'}"));
        Assert.Equal("it's", Eval("${\"it's\"}"));
    }

    [Fact]
    public void Identifiers_may_use_letters_beyond_ascii()
    {
        Assert.Equal(2m, Eval("${金额 + 1}", new Variables().Set("金额", 1)));
    }
}
