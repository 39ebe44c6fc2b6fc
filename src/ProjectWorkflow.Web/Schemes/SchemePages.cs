using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Schemes;

/// <summary>
/// The schemes' pages for the fund's staff: <c>/portal/schemes/{key}/changes?from=&amp;to=</c>, what changed in a
/// scheme's rules between two years, in words and as a table (the rule sets are public policy; the page is where
/// administrators, approvers and the other staff read the year's changes).
/// </summary>
public static class SchemePages
{
    public static IEndpointRouteBuilder MapSchemePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/schemes/{key}/changes", (string key, int? from, int? to, ListSchemes schemes, CompareRuleSets compare,
                IStringLocalizer<SchemesText> t, CancellationToken ct) =>
                Applications.ApplicationPages.RefusedAsPageAsync(async () =>
                {
                    var scheme = await schemes.GetAsync(key, ct);
                    var comparison = scheme.RuleSets.Count < 2 && from is null && to is null ? null : await compare.HandleAsync(key, from, to, ct);
                    return PortalPageResult.Page<RuleSetDiffPage>(new { Scheme = scheme, Comparison = comparison, Words = new RuleSetChangeWords(t) });
                }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Staff))
            .ExcludeFromDescription();
        return app;
    }
}
