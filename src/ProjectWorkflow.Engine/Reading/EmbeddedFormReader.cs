using System.Xml.Linq;
using ProjectWorkflow.Engine.Forms;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads the forms drawn with a process (<see cref="EmbeddedForms"/>) with the same check as a shipped form file
/// (<see cref="FormSchema.Read"/>). A broken or duplicated form refuses the deploy on the user task that names it
/// (else on the process), with the form element's line, so the designer marks the task.
/// </summary>
internal static class EmbeddedFormReader
{
    public static void Read(XElement processElement, ProcessModel process)
    {
        var extensions = processElement.Element(BpmnNamespaces.Model + "extensionElements");
        if (extensions is null) return;
        foreach (var element in extensions.Elements(BpmnNamespaces.Forms + EmbeddedForms.Element))
        {
            var text = element.Value;
            if (text.Length > FormSchema.MaxBytes)
            {
                process.ReadProblems.Add(new DefinitionProblem(process.Id, "form", element.Line(),
                    $"A form drawn with the process is larger than {FormSchema.MaxBytes:N0} characters."));
                continue;
            }
            var form = FormSchema.Read(text, out var problems);
            if (form is null)
            {
                var named = NamedId(text);
                var on = named is null ? null : TaskNaming(process, named);
                foreach (var problem in problems)
                    process.ReadProblems.Add(new DefinitionProblem(on ?? process.Id, "form", element.Line(),
                        $"The form{(named is null ? "" : $" '{named}'")} drawn with the process: {problem}"));
                continue;
            }
            if (!process.Forms.TryAdd(form.Id, form))
                process.ReadProblems.Add(new DefinitionProblem(TaskNaming(process, form.Id) ?? process.Id, "form", element.Line(),
                    $"The process carries the form '{form.Id}' twice; keep one."));
        }
    }

    private static string? TaskNaming(ProcessModel process, string formId) =>
        process.NodesById.Values.OfType<UserTask>().FirstOrDefault(t => t.FormRef == formId)?.Id;

    // The id of a form whose schema is otherwise broken, to name the task that uses it.
    private static string? NamedId(string text)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(text)?["id"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
