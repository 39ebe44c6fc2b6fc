namespace ProjectWorkflow.Engine.Expressions;

internal enum UnaryOperator
{
    Negate,
    Not,
    Empty,
}
