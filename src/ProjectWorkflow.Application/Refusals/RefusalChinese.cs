using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Refusals;

/// <summary>
/// The Chinese a refusal carries apart from its English: a use case's (<see cref="RefusalException.Chinese"/>) or the
/// engine's (<see cref="WorkflowException.Chinese"/>); null when only the English was given, or for anything else.
/// </summary>
public static class RefusalChinese
{
    public static string? Of(Exception refusal) => refusal switch
    {
        RefusalException r => r.Chinese,
        WorkflowException w => w.Chinese,
        _ => null,
    };
}
