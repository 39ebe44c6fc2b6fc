using ProjectWorkflow.Application.Dashboards;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Dashboards;

/// <summary>The fund against the plan: its figures as JSON and as an Excel workbook, and the portal page drawing them.</summary>
public static class DashboardEndpoints
{
    private static readonly string[] Staff = [Roles.DistrictReviewer, Roles.DeptApprover, Roles.Finance, Roles.Admin, Roles.Auditor];

    public static RouteGroupBuilder MapDashboards(this RouteGroupBuilder api)
    {
        var dashboards = api.MapGroup("/dashboards").WithTags("Dashboards").RequireAuthorization(policy => policy.RequireRole(Staff));
        dashboards.MapGet("/fund", async (ReadFundDashboard read, CancellationToken ct) => TypedResults.Ok(await read.HandleAsync(ct)))
            .WithSummary("The fund against the plan: applications per scheme and status, review times per step against due dates, budgets per scheme-year (fen), the plan's targets with what projects promised and delivered, vouchers granted/redeemed/settled per scheme-year (fen), each budget's burn-down forecast, and where applications are returned most (staff)");
        dashboards.MapGet("/fund.xlsx", async (ExportFundDashboard export, CancellationToken ct) =>
                TypedResults.File(await export.HandleAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "fund-dashboard.xlsx"))
            .WithSummary("The fund dashboard's tables as an Excel workbook, a sheet per chart (staff)");
        return api;
    }

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/dashboards/fund", async (ReadFundDashboard read, CancellationToken ct) =>
                PortalPageResult.Page<FundDashboardPage>(new { Dashboard = await read.HandleAsync(ct) }))
            .RequireAuthorization(policy => policy.RequireRole(Staff))
            .ExcludeFromDescription();
        app.MapGet("/portal/dashboards/processes/{key}", async (string key, ReadFundDashboard read, ListDefinitions definitions, CancellationToken ct) =>
            {
                var latest = (await definitions.HandleAsync(ct)).FirstOrDefault(d => d.Key == key);
                if (latest is null) return PortalPageResult.Page<RefusalPage>(new { Message = $"There is no deployed process '{key}'." }, StatusCodes.Status404NotFound);
                var dashboard = await read.HandleAsync(ct);
                var steps = dashboard.StageTimes.Where(s => s.ProcessKey == key).ToList();
                var returns = dashboard.Returns.Where(r => r.ProcessKey == key).ToList();
                return PortalPageResult.Page<ProcessTimesPage>(new { Key = key, Version = latest.LatestVersion, Steps = steps, Returns = returns });
            })
            .RequireAuthorization(policy => policy.RequireRole(Staff))
            .ExcludeFromDescription();
        return app;
    }
}
