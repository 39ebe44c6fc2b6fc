using System.Text;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>
/// How much a process instance may carry in variables: at most <see cref="MaxCount"/> variables and
/// <see cref="MaxJsonBytes"/> bytes of JSON (configured under <c>Workflows:Variables</c>). A command that would
/// leave an instance above either is refused whole (400 naming <c>variables</c>), so a caller cannot bloat
/// the instance every later command reads and writes.
/// </summary>
public sealed class VariableLimits
{
    public const string Section = "Workflows:Variables";

    /// <summary>Variables per instance (the funding processes use a few dozen).</summary>
    public int MaxCount { get; set; } = 1000;

    /// <summary>The instance's variables as JSON, in UTF-8 bytes.</summary>
    public int MaxJsonBytes { get; set; } = 1024 * 1024;

    public void Check(ProcessInstance instance)
    {
        if (instance.Variables.Count > MaxCount)
            throw InvalidRequestException.For("variables",
                $"A process instance holds at most {MaxCount:N0} variables; this would make {instance.Variables.Count:N0}.", $"一个流程实例最多保存 {MaxCount:N0} 个变量，本次操作后将达到 {instance.Variables.Count:N0} 个。");
        var bytes = Encoding.UTF8.GetByteCount(instance.Variables.ToJsonString());
        if (bytes > MaxJsonBytes)
            throw InvalidRequestException.For("variables",
                $"A process instance's variables take at most {MaxJsonBytes:N0} bytes of JSON; this would make {bytes:N0}.", $"一个流程实例的变量最多占 {MaxJsonBytes:N0} 字节 JSON，本次操作后将达到 {bytes:N0} 字节。");
    }
}
