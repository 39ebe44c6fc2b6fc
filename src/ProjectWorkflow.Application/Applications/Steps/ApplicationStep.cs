using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications.Steps;

/// <summary>
/// A service task of the funding processes: it finds the application of the instance (<see cref="ApplicationOfProcess"/>,
/// by the business key) in the command's own DbContext, so its change commits with the step.
/// </summary>
public abstract class ApplicationStep(ProjectWorkflowDbContext db, TimeProvider time) : IServiceTaskHandler
{
    protected ProjectWorkflowDbContext Db => db;
    protected DateTimeOffset Now => time.GetUtcNow();

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var application = await ApplicationOfProcess.FindAsync(db, context.BusinessKey, cancellationToken)
            ?? throw new InvalidOperationException(context.BusinessKey is null
                ? "The process carries no business key, so no application: start it with the application's number."
                : $"There is no application {context.BusinessKey} (the process's business key).");
        await RunAsync(application, context, cancellationToken);
        application.MarkUpdated(Now);
    }

    protected abstract Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken);
}
