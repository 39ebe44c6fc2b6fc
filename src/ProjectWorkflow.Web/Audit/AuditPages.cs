using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Audit;

/// <summary>
/// The auditors' pages, read-only (administrators read them too): the audit log with its filters and the verification
/// of its chain (/portal/audit), and one search box across applications, vouchers and payments (/portal/search).
/// </summary>
public static class AuditPages
{
    public static IEndpointRouteBuilder MapAuditPages(this IEndpointRouteBuilder app)
    {
        var readers = app.MapGroup("/portal").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Auditor, Roles.Admin));
        readers.MapGet("/audit", () => PortalPageResult.Page<AuditLogPage>());
        readers.MapGet("/search", () => PortalPageResult.Page<SearchPage>());
        return app;
    }
}
