using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Refusals;

namespace ProjectWorkflow.Application.Workflows.Forms;

/// <summary>A form-js schema by its id, for any signed-in user to render (a form holds labels and rules, no data).</summary>
public sealed class GetForm(FormCatalog forms)
{
    public JsonObject Handle(string formId) =>
        (JsonObject)(forms.Find(formId) ?? throw new NotFoundException($"There is no form '{formId}'.", $"表单“{formId}”不存在。")).Json.DeepClone();
}
