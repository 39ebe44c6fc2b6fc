using ProjectWorkflow.Engine.Expressions;
using static ProjectWorkflow.Engine.Tests.Expressions.Variables;

namespace ProjectWorkflow.Engine.Tests.Expressions;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("${a.b()}", 5)]
    [InlineData("${f(x)}", 3)]
    [InlineData("${a.b.c(1, 2)}", 7)]
    [InlineData("${a['b']()}", 8)]
    [InlineData("${(a)(1)}", 5)]
    [InlineData("${f (x)}", 4)]
    public void Method_and_function_calls_are_refused(string text, int position)
    {
        var error = ParseFails(text);

        Assert.StartsWith("method calls are not allowed", error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void The_call_message_names_what_would_be_called_and_where()
    {
        var error = ParseFails("${user.getName()}");

        Assert.Equal(
            "method calls are not allowed: '(' at column 15 would call 'getName'; expressions can only read variables and their properties",
            error.Message);
    }

    [Theory]
    [InlineData("${a +}", "expected a value at column 6, but the expression ends there", 5)]
    [InlineData("${a b}", "expected an operator or '}' at column 5, but found 'b'", 4)]
    [InlineData("${}", "the expression at column 1 is empty: write something between the braces", 0)]
    [InlineData("total ${a + 1", "'${' at column 7 is not closed with '}'", 6)]
    [InlineData("${(a + 1}", "expected ')' at column 9, but the expression ends there", 8)]
    [InlineData("${a[0}", "expected ']' at column 6, but the expression ends there", 5)]
    [InlineData("${a ? b}", "expected ':' to finish the '? :' choice at column 8, but the expression ends there", 7)]
    [InlineData("${a.}", "expected a property name after '.' at column 5, but the expression ends there", 4)]
    [InlineData("${a.'b'}", "expected a property name after '.' at column 5, but found the text 'b'", 4)]
    [InlineData("${a = 1}", "'=' at column 5 is not an operator: use '==' to compare (expressions cannot assign)", 4)]
    [InlineData("${a & b}", "'&' at column 5 is not an operator: use '&&' or 'and'", 4)]
    [InlineData("${a | b}", "'|' at column 5 is not an operator: use '||' or 'or'", 4)]
    [InlineData("${a @ b}", "unexpected character '@' at column 5", 4)]
    [InlineData("${'abc}", "the text starting at column 3 is not closed with '", 2)]
    [InlineData("${12ab}", "'12ab' at column 3 is not a number", 2)]
    [InlineData("${x instanceof y}", "'instanceof' at column 5 is not supported", 4)]
    [InlineData(@"${'a\qb'}", @"'\q' at column 5 is not a known escape: use \\, \', \"", \n, \r, \t or \uXXXX", 4)]
    [InlineData("${a, b}", "expected an operator or '}' at column 4, but found ','", 3)]
    public void Errors_say_what_is_wrong_and_where(string text, string message, int position)
    {
        var error = ParseFails(text);

        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Numbers_beyond_decimal_range_are_refused()
    {
        var error = ParseFails("${1e40}");

        Assert.Equal("the number 1e40 at column 3 is too large", error.Message);
    }

    [Fact]
    public void Text_longer_than_4096_characters_is_refused()
    {
        var error = ParseFails(new string('a', 4097));

        Assert.Equal("the expression is 4,097 characters long; at most 4,096 are allowed", error.Message);
        Assert.Equal(4096, error.Position);
        Assert.Equal(new string('a', 4096), Eval(new string('a', 4096)));
    }

    [Fact]
    public void Parentheses_nested_64_deep_parse_but_65_do_not()
    {
        Assert.Equal(1m, Eval("${" + new string('(', 63) + "1" + new string(')', 63) + "}"));

        var error = ParseFails("${" + new string('(', 64) + "1" + new string(')', 64) + "}");

        Assert.StartsWith("the expression nests too deeply at column 67: at most 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal(66, error.Position);
    }

    [Fact]
    public void Long_operator_chains_count_as_nesting()
    {
        Assert.Equal(64m, Eval("${" + string.Join(" + ", Enumerable.Repeat("1", 64)) + "}"));

        var error = ParseFails("${" + string.Join(" + ", Enumerable.Repeat("1", 66)) + "}");

        Assert.Contains("nests too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_unary_chains_are_refused_rather_than_overflowing_the_stack()
    {
        var error = ParseFails("${" + new string('!', 2000) + "true}");

        Assert.Contains("nests too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_position_is_counted_in_the_whole_text_not_inside_the_braces()
    {
        var error = ParseFails("approve ${ok} then ${a +* b}");

        Assert.Equal(24, error.Position);
        Assert.Equal("expected a value at column 25, but found '*'", error.Message);
    }
}
