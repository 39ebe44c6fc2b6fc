using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Web.Audit;

/// <summary>/api/audit: the hash-chained audit log and its verification, for auditors and administrators only.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Auditor, Roles.Admin));

        audit.MapGet("/", async (string? objectType, string? objectId, string? actor, string? from, string? to, string? action,
                    string? after, string? take, ListAuditEntries list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new AuditQuery(objectType, objectId, actor, from, to, action, after, take), ct)))
            .WithSummary("Audit entries in order, filtered by object, actor, time (from inclusive, to exclusive) and action; page on with after = next");

        audit.MapGet("/verify", async (VerifyAuditLog verify, CancellationToken ct) => TypedResults.Ok(await verify.HandleAsync(ct)))
            .WithSummary("Proves the chain and the rows it vouches for: { verified, entries, firstBrokenEntry?, problem?, problemZh? }");
        return api;
    }
}
