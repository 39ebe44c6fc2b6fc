namespace ProjectWorkflow.Engine.ServiceTasks;

/// <summary>
/// Declares the variables a service task handler sets, so the deploy check knows that a condition reading them is
/// supplied by the process itself and not by a form.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SetsVariablesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
