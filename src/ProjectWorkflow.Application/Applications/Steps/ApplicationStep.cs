using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications.Steps;

/// <summary>
/// A service task of the funding processes: it finds the application the instance carries (by the
/// <c>applicationId</c> variable) in the command's own DbContext, so its change commits with the step.
/// </summary>
public abstract class ApplicationStep(ProjectWorkflowDbContext db, TimeProvider time) : IServiceTaskHandler
{
    protected ProjectWorkflowDbContext Db => db;
    protected DateTimeOffset Now => time.GetUtcNow();

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.GetVariable<string>("applicationId")
            ?? throw new InvalidOperationException("The process carries no applicationId variable."));
        var application = db.Set<FundingApplication>().Local.FirstOrDefault(a => a.Id == id)
            ?? await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"The application {id} of this process does not exist.");
        await RunAsync(application, context, cancellationToken);
        application.UpdatedAt = Now;
    }

    protected abstract Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken);
}
