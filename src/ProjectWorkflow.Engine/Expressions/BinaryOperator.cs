namespace ProjectWorkflow.Engine.Expressions;

/// <summary>Operators that always evaluate both sides; <c>&amp;&amp;</c> and <c>||</c> short-circuit and live in <see cref="LogicalNode"/>.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}
