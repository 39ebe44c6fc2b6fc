using System.Globalization;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>EL arithmetic (spec section 1.7) carried out in decimal, so money-like values never pick up binary rounding.</summary>
internal static class Arithmetic
{
    public static object Add(object? a, object? b, string symbol)
    {
        // EL has no string concatenation; "1" + "2" is 3 in EL, which surprises people more often than it helps.
        if (a is string left && b is string right)
        {
            throw new ExpressionEvaluationException(
                $"'+' adds numbers and cannot join the texts {Describe.Quote(left)} and {Describe.Quote(right)}; " +
                "write them side by side instead, e.g. '${a}${b}'");
        }

        return Apply(BinaryOperator.Add, a, b, symbol);
    }

    public static object Apply(BinaryOperator op, object? a, object? b, string symbol)
    {
        var x = Coercion.ToNumber(a, symbol);
        var y = Coercion.ToNumber(b, symbol);
        if (y == 0m && op is BinaryOperator.Divide or BinaryOperator.Modulo)
        {
            throw new ExpressionEvaluationException(
                $"division by zero: {x.ToString(CultureInfo.InvariantCulture)} {symbol} 0");
        }

        try
        {
            return op switch
            {
                BinaryOperator.Add => x + y,
                BinaryOperator.Subtract => x - y,
                BinaryOperator.Multiply => x * y,
                BinaryOperator.Divide => x / y,
                BinaryOperator.Modulo => x % y,
                _ => throw new InvalidOperationException($"{op} is not arithmetic"),
            };
        }
        catch (OverflowException ex)
        {
            throw new ExpressionEvaluationException($"the result of '{symbol}' is too large", ex);
        }
    }

    public static object Negate(object? value) => -Coercion.ToNumber(value, "-");
}
