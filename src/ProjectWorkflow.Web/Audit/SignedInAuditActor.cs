using System.Diagnostics;
using System.Security.Claims;
using ProjectWorkflow.Application.Audit;

namespace ProjectWorkflow.Web.Audit;

/// <summary>Names the request's actor for the audit log: the signed-in user and their roles (or <c>anonymous</c>), and the trace id.</summary>
public static class SignedInAuditActor
{
    public const string Anonymous = "anonymous";

    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<AuditTrail>().Actor = Of(context);
            await next(context);
        });

    public static AuditActor Of(HttpContext context)
    {
        var trace = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, Name: { } name })
            return new AuditActor(Anonymous, [], trace);
        var roles = user.Identities
            .SelectMany(identity => identity.FindAll(identity.RoleClaimType))
            .Select(claim => claim.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new AuditActor(name, roles, trace);
    }
}
