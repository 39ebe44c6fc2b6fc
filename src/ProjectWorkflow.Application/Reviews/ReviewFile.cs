using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Reviews;

/// <summary>One answer an earlier step recorded: the form field's key, its label, and the value given.</summary>
public sealed record StepAnswer(string Key, string? Label, string Value);

/// <summary>An earlier step of the file: when it ended, who completed it (staff only), and the answers of its form.</summary>
public sealed record EarlierStep(string ElementId, string? Name, DateTimeOffset? EndedAt, string? CompletedBy, IReadOnlyList<StepAnswer> Answers);

/// <summary>What a reviewer decides on: the task, the application (when the reader may open it), its district, and what earlier steps decided.</summary>
public sealed record ReviewFileView(TaskView? Task, Guid? ApplicationId, ApplicationView? Application, string? District, IReadOnlyList<EarlierStep> History);

/// <summary>
/// The file behind a task, as its page shows it to whoever may open the task: the application with its attachments,
/// and the earlier steps of its processes with the answers their forms recorded. The fund's staff read who completed
/// each step and the internal comments (form fields ending in <c>Comment</c>); an expert (once the file opens to them
/// by their declaration) reads the steps and their outcomes without names or internal comments; an applicant
/// opening their own task (a supplement) gets the application but no history: the timeline is theirs.
/// An answer is what that completion submitted, kept with the task when it completed: a step taken twice (a district
/// review returned and done again) shows each time's answer on its own line. Tasks completed before answers were kept
/// show the value the process holds now.
/// </summary>
public sealed class ReviewFile(ProjectWorkflowDbContext db, OpenTask openTask, ApplicationAccess access, TaskForms taskForms)
{
    public async Task<ReviewFileView> HandleAsync(Guid taskId, Actor actor, CancellationToken cancellationToken)
    {
        var task = await openTask.HandleAsync(taskId, actor, cancellationToken);
        if (task.BusinessKey is null) return new ReviewFileView(task, null, null, null, []);
        var id = await db.Set<FundingApplication>().AsNoTracking().Where(a => a.Number == task.BusinessKey)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? new ReviewFileView(task, null, null, null, []) : await OfApplicationAsync(task, id.Value, actor, cancellationToken);
    }

    /// <summary>The file of one application, without a task (an expert's panel page): closed (no application) to whoever may not read it.</summary>
    public Task<ReviewFileView> ForApplicationAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken) =>
        OfApplicationAsync(null, applicationId, actor, cancellationToken);

    private async Task<ReviewFileView> OfApplicationAsync(TaskView? task, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        FundingApplication application;
        try
        {
            application = await access.ReadableAsync(id, actor, cancellationToken);
        }
        catch (ForbiddenException)
        {
            // An expert before declaring, or after the panel closed: the file stays closed.
            return new ReviewFileView(task, id, null, null, []);
        }
        var view = await ApplicationViews.OfAsync(db, application, cancellationToken);
        var district = (await ApplicationDistricts.OfAsync(db, [application.Number], cancellationToken)).GetValueOrDefault(application.Number);
        var staff = Roles.IsStaff(actor);
        var readsHistory = staff || actor.Groups.Contains(Roles.Expert);
        return new ReviewFileView(task, id, view, district, readsHistory ? await HistoryAsync(application.Number, staff, cancellationToken) : []);
    }

    private async Task<IReadOnlyList<EarlierStep>> HistoryAsync(string number, bool staff, CancellationToken cancellationToken)
    {
        var instances = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.BusinessKey == number)
            .Select(i => new { i.Id, i.State }).ToListAsync(cancellationToken);
        var variables = instances.ToDictionary(i => i.Id, i => JsonSerializer.Deserialize<ProcessInstance>(i.State, RuntimeJson.Options)!.Variables);
        var ids = variables.Keys.ToList();
        var done = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => ids.Contains(t.InstanceId) && t.Status == TaskStatuses.Completed)
            .ToListAsync(cancellationToken);
        var steps = new List<EarlierStep>();
        foreach (var t in done.OrderBy(t => t.EndedAt ?? t.CreatedAt))
        {
            var form = (await taskForms.FormOfAsync(t, cancellationToken))?.Schema;
            var given = t.Answers is { } kept ? JsonNode.Parse(kept) as JsonObject ?? [] : variables[t.InstanceId];
            var answers = new List<StepAnswer>();
            foreach (var field in form?.Fields ?? [])
            {
                if (!staff && field.Key.EndsWith("Comment", StringComparison.Ordinal)) continue;
                if (Text(given[field.Key]) is { } value) answers.Add(new StepAnswer(field.Key, field.Label, value));
            }
            steps.Add(new EarlierStep(t.ElementId, t.Name, t.EndedAt, staff ? t.CompletedBy : null, answers));
        }
        return steps;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
        JsonArray a => a.Count == 0 ? null : string.Join(", ", a.Select(x => x?.ToString())),
        _ => node.ToJsonString(),
    };
}
