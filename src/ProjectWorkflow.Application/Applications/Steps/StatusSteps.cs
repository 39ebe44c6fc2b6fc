using System.Globalization;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Schemes;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications.Steps;

/// <summary>
/// application.formal-check: the file is complete (checked at submission); review begins. Sets <c>districtDueAt</c>, the
/// district review's due date: the rule set's forwarding working days counted from the window's close (year-round
/// intake: from today).
/// </summary>
public sealed class FormalCheck(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets, WorkingDays workingDays) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        application.PutUnderReview();
        await DistrictDueVariable.SetAsync(application, context, ruleSets, workingDays, Now, cancellationToken);
    }
}

/// <summary>
/// application.return: back to the enterprise for supplement, with a deadline of supplementDays working days (default
/// 10, at most 30) on the holiday calendar: the file is due by the end of the last one, Shanghai time.
/// </summary>
public sealed class ReturnForSupplement(ProjectWorkflowDbContext db, TimeProvider time, WorkingDays workingDays) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var days = context.GetVariable("supplementDays") is { } d && d.GetValueKind() == System.Text.Json.JsonValueKind.Number ? d.GetValue<int>() : 10;
        if (days is < 1 or > 30) throw new InvalidOperationException($"A supplement deadline is 1 to 30 days; {days} was given.");
        application.ReturnForSupplement();
        var calendar = await workingDays.CalendarAsync(cancellationToken);
        var dueAt = ShanghaiDate.EndOf(calendar.AddWorkingDays(ShanghaiDate.Of(Now), days));
        context.SetVariable("supplementDueAt", dueAt.ToUniversalTime().ToString("O"));
    }
}

/// <summary>application.resubmit: the enterprise supplemented the file; it goes back to review (the district's due date counted again).</summary>
public sealed class Resubmit(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets, WorkingDays workingDays) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        application.Resubmit();
        await DistrictDueVariable.SetAsync(application, context, ruleSets, workingDays, Now, cancellationToken);
        // A supplement may change the invoices: the claims follow.
        await InvoiceClaims.ClaimAsync(Db, application, Now, cancellationToken);
    }
}

/// <summary>application.lapse: the supplement deadline passed without a supplement.</summary>
public sealed class Lapse(ProjectWorkflowDbContext db, TimeProvider time) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        application.Lapse();
        await InvoiceClaims.ReleaseAsync(Db, application, cancellationToken);
        context.SetVariable("rejectionReason", "逾期未补正材料 The file was not supplemented by the deadline.");
    }
}

/// <summary>application.reject: a review stage said no.</summary>
public sealed class Reject(ProjectWorkflowDbContext db, TimeProvider time) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        application.Reject();
        await InvoiceClaims.ReleaseAsync(Db, application, cancellationToken);
    }
}

/// <summary>The district review's due date (<c>districtDueAt</c>), set when review begins and again on resubmission.</summary>
internal static class DistrictDueVariable
{
    public static async Task SetAsync(FundingApplication application, ServiceTaskContext context, RuleSets ruleSets, WorkingDays workingDays,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var calendar = await workingDays.CalendarAsync(cancellationToken);
        context.SetVariable("districtDueAt", DistrictDue.At(rules, calendar, now).ToString("O", CultureInfo.InvariantCulture));
    }
}
