using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Forms;
using ProjectWorkflow.Engine.Model;
using System.Text.Json.Nodes;

namespace ProjectWorkflow.Application.Workflows.Forms;

/// <summary>A task's form id and its schema (null when it is deployed nowhere).</summary>
public sealed record TaskForm(string FormRef, FormSchema? Schema);

/// <summary>
/// The form of a task: the <c>camunda:formRef</c> of its element in the version its instance runs, and that form's
/// schema. Completing a task with a form checks the variables against it first (400 naming every field, nothing
/// changes); a task without one (a Camunda Modeler file with no formRef) completes as before.
/// </summary>
public sealed class TaskForms(ProjectWorkflowDbContext db, DefinitionCatalog definitions, FormCatalog forms)
{
    private readonly Dictionary<Guid, string> runs = [];

    /// <summary>
    /// The definition (version) an instance runs, as a query of this request read it beside the task (<see cref="Tasks.TaskCommand"/>):
    /// the form is then found without reading the instance again (what was read holds for this request: moving an
    /// instance to another version is a command of its own).
    /// </summary>
    public void InstanceRuns(Guid instanceId, string definitionId) => runs[instanceId] = definitionId;

    /// <summary>The task's form id, or null when its element names none.</summary>
    public async Task<string?> FormRefAsync(TaskRecord task, CancellationToken cancellationToken) =>
        (await FormOfAsync(task, cancellationToken))?.FormRef;

    /// <summary>
    /// The task's form: its id, and the schema drawn with the version its instance runs (the designer's form editor)
    /// or else the one shipped beside the definitions; null when its element names none.
    /// </summary>
    public async Task<TaskForm?> FormOfAsync(TaskRecord task, CancellationToken cancellationToken)
    {
        var definitionId = runs.GetValueOrDefault(task.InstanceId) ?? await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == task.InstanceId)
            .Select(i => i.DefinitionId).FirstOrDefaultAsync(cancellationToken);
        if (definitionId is null) return null;
        var definition = await definitions.FindAsync(db, definitionId, cancellationToken);
        return definition?.Process.NodesById.GetValueOrDefault(task.ElementId) is UserTask { FormRef: { Length: > 0 } formRef }
            ? new TaskForm(formRef, Resolve(definition, formRef))
            : null;
    }

    /// <summary>A form id as a definition sees it: drawn with the definition first, then shipped.</summary>
    public FormSchema? Resolve(ProcessDefinition? definition, string formRef) =>
        definition?.Process.Forms.GetValueOrDefault(formRef) ?? forms.Find(formRef);

    /// <summary>The form ids of many tasks at once (the inbox), by task id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string?>> FormRefsAsync(IReadOnlyCollection<TaskRecord> tasks, CancellationToken cancellationToken)
    {
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var definitionIds = await db.Set<InstanceRecord>().AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId }).ToDictionaryAsync(i => i.Id, i => i.DefinitionId, cancellationToken);
        var result = new Dictionary<Guid, string?>();
        foreach (var task in tasks)
        {
            string? formRef = null;
            if (definitionIds.TryGetValue(task.InstanceId, out var definitionId)
                && await definitions.FindAsync(db, definitionId, cancellationToken) is { } definition
                && definition.Process.NodesById.GetValueOrDefault(task.ElementId) is UserTask { FormRef: { Length: > 0 } named })
                formRef = named;
            result[task.Id] = formRef;
        }
        return result;
    }

    /// <summary>
    /// Refuses a completion whose variables miss or break a field of the task's form, naming every one; fills in the
    /// defaults of fields not sent. A signature (加签) is checked for what it sends only. A form named but not deployed
    /// refuses too: the process would run on unchecked input.
    /// </summary>
    public JsonObject? Check(string? formRef, JsonObject? variables, bool isSignature, FormSchema? drawn = null)
    {
        if (formRef is null) return variables;
        var form = (drawn?.Id == formRef ? drawn : null) ?? forms.Find(formRef)
            ?? throw new ConflictException($"The task's form '{formRef}' is not deployed: it cannot be completed until an administrator deploys the form.", $"任务的表单“{formRef}”尚未部署：须由管理员部署该表单后才能办结。");
        var checkedVariables = variables is null ? [] : (JsonObject)variables.DeepClone();
        var errors = form.Check(checkedVariables, requireFields: !isSignature);
        if (errors.Count > 0)
            throw new InvalidRequestException(errors.Select(e => FieldError.Of(e.Field, e.Message, e.MessageZh)).ToList());
        return checkedVariables;
    }
}
