using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Application.Projects;

/// <summary>What the lifecycle's use cases share: the project's schedule, its status, and the process task waiting for a person.</summary>
internal static class ProjectFile
{
    public static ProjectSchedule Schedule(FundingApplication application, RuleSet rules) =>
        application.Schedule(rules)
            ?? throw new ConflictException("The project has not started building yet (the first installment is not paid).", "项目尚未开工建设（第一笔资金尚未拨付）。");

    /// <summary>
    /// Refuses with a sentence when the project is not at the stage an action belongs to: the English names both statuses,
    /// the Chinese (<paramref name="actionZh"/>, a verb phrase: "提交进度报告") says the action is not possible now.
    /// </summary>
    public static void RequireStatus(FundingApplication application, ApplicationStatus expected, string action, string actionZh)
    {
        if (application.Status != expected)
            throw new ConflictException($"{action} is possible while the project is {ApplicationStatusText.InWords(expected)}; it is {ApplicationStatusText.InWords(application.Status)}.",
                $"项目当前所处阶段不能{actionZh}。");
    }

    /// <summary>The open task of the application's process at <paramref name="elementId"/>, or a conflict saying why there is none.</summary>
    public static async Task<Guid> OpenTaskAsync(ProjectWorkflowDbContext db, FundingApplication application, string elementId, string whenNone, string whenNoneZh, CancellationToken cancellationToken) =>
        await db.Set<TaskRecord>()
            .Where(t => t.InstanceId == application.InstanceId && t.ElementId == elementId && t.Status == TaskStatuses.Open)
            .OrderBy(t => t.CreatedAt)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
        ?? throw new ConflictException(whenNone, whenNoneZh);
}
