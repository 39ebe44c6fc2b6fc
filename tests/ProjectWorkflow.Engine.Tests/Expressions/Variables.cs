using ProjectWorkflow.Engine.Expressions;

namespace ProjectWorkflow.Engine.Tests.Expressions;

/// <summary>An in-memory context: the tests' stand-in for a process instance's variables.</summary>
internal sealed class Variables : IExpressionContext
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public static readonly Variables None = new();

    public Variables Set(string name, object? value)
    {
        _values[name] = value;
        return this;
    }

    public bool TryGetVariable(string name, out object? value) => _values.TryGetValue(name, out value);

    public static object? Eval(string text, Variables? variables = null) =>
        ExpressionParser.Parse(text).Evaluate(variables ?? None);

    public static ExpressionEvaluationException EvalFails(string text, Variables? variables = null) =>
        Assert.Throws<ExpressionEvaluationException>(() => Eval(text, variables));

    public static ExpressionSyntaxException ParseFails(string text) =>
        Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));
}
