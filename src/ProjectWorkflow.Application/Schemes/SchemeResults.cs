using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>
/// The plan's indicators (DOMAIN.md, "Plan targets to track") summed over a set of projects. Headcount is planned
/// at application but not reported at evaluation, so it is null among the delivered figures.
/// </summary>
public sealed record Indicators(long InvestmentFen, decimal EnergySavedTce, long OutputFen, long ValueAddedFen, int Robots, int? Headcount);

/// <summary>
/// One scheme-year's contribution to the plan: how many projects it funds, what they were approved for, what
/// they promised (the indicators of every funded project) and what the evaluated ones delivered.
/// </summary>
public sealed record SchemeResultsView(
    string SchemeKey, int Year, int Submitted, int Funded, int Closed, int Recovered, long ApprovedAmountFen,
    Indicators Planned, int Evaluated, Indicators PlannedByEvaluated, Indicators Delivered);

/// <summary>The results of a scheme-year, for the department's staff (the figures that roll up to the plan's targets).</summary>
public sealed class SchemeResults(ProjectWorkflowDbContext db)
{
    private static readonly ApplicationStatus[] Funded = [ ApplicationStatus.Approved, ApplicationStatus.Building, ApplicationStatus.AcceptanceRequested,
        ApplicationStatus.Accepted, ApplicationStatus.Closed];

    public async Task<SchemeResultsView> HandleAsync(string schemeKey, int year, Actor actor, CancellationToken cancellationToken)
    {
        if (!Roles.IsStaff(actor))
            throw new ForbiddenException("A scheme's results are for the fund's staff.", "专项的申报结果仅对专项资金工作人员开放。");
        if (!await db.Set<SchemeRecord>().AnyAsync(s => s.Key == schemeKey, cancellationToken))
            throw new NotFoundException($"There is no scheme '{schemeKey}'.", $"专项“{schemeKey}”不存在。");

        var applications = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.SchemeKey == schemeKey && a.Year == year && a.Status != ApplicationStatus.Draft)
            .ToListAsync(cancellationToken);
        var funded = applications.Where(a => Funded.Contains(a.Status)).ToList();
        var fundedIds = funded.Select(a => a.Id).ToList();
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Where(e => fundedIds.Contains(e.ApplicationId)).ToListAsync(cancellationToken);
        var evaluated = funded.Where(a => evaluations.Any(e => e.ApplicationId == a.Id)).ToList();
        var evaluatedIds = evaluated.Select(a => a.Id).ToList();
        // What was actually invested, as the passed acceptance found it.
        var invested = await db.Set<Acceptance>().AsNoTracking()
            .Where(x => evaluatedIds.Contains(x.ApplicationId) && x.Outcome == Acceptance.Pass)
            .SumAsync(x => x.ActualEquipmentFen + x.ActualSoftwareFen + x.ActualConstructionFen + x.ActualOtherFen, cancellationToken);

        return new SchemeResultsView(schemeKey, year,
            Submitted: applications.Count,
            Funded: funded.Count,
            Closed: applications.Count(a => a.Status == ApplicationStatus.Closed),
            Recovered: applications.Count(a => a.Status == ApplicationStatus.Recovered),
            ApprovedAmountFen: funded.Sum(a => a.ApprovedAmountFen ?? 0),
            Planned: Planned(funded),
            Evaluated: evaluated.Count,
            PlannedByEvaluated: Planned(evaluated),
            Delivered: new Indicators(invested, evaluations.Sum(e => e.EnergySavedTce), evaluations.Sum(e => e.OutputFen),
                evaluations.Sum(e => e.ValueAddedFen), evaluations.Sum(e => e.Robots), Headcount: null));
    }

    private static Indicators Planned(IReadOnlyCollection<FundingApplication> projects) => new(
        projects.Sum(a => a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen),
        projects.Sum(a => Math.Max(0, a.EnergyBeforeTce - a.EnergyAfterTce)),
        projects.Sum(a => a.OutputFen), projects.Sum(a => a.ValueAddedFen), projects.Sum(a => a.Robots), projects.Sum(a => a.Headcount));
}
