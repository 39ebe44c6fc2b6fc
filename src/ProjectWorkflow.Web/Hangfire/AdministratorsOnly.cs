using global::Hangfire.Dashboard;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Web.Hangfire;

/// <summary>
/// The dashboard can delete, requeue and trigger jobs: administrators only. Anyone else gets 401 when
/// signed out and 403 when signed in (Hangfire picks the code from whether the user is authenticated).
/// </summary>
internal sealed class AdministratorsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
