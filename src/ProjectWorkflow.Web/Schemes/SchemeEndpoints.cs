using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Schemes;

public static class SchemeEndpoints
{
    public static RouteGroupBuilder MapSchemes(this RouteGroupBuilder api)
    {
        var schemes = api.MapGroup("/schemes").WithTags("Schemes");

        schemes.MapGet("/", async (ListSchemes list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithSummary("The schemes and the years they have rules for");

        schemes.MapGet("/{key}", async (string key, ListSchemes list, CancellationToken ct) => TypedResults.Ok(await list.GetAsync(key, ct)))
            .WithSummary("A scheme with every year's rule set (amounts in integer fen)");

        schemes.MapPost("/{key}/rule-sets", async (string key, RuleSetDocument document, ClaimsPrincipal user, AddRuleSet add, CancellationToken ct) =>
            {
                var added = await add.HandleAsync(key, document, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/schemes/{Uri.EscapeDataString(key)}", added);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Add a year's rules to a scheme (admin); a year's rules never change once added");

        schemes.MapGet("/{key}/rule-sets/diff", async (string key, int? from, int? to, CompareRuleSets compare, IStringLocalizer<SchemesText> t, CancellationToken ct) =>
            {
                var comparison = await compare.HandleAsync(key, from, to, ct);
                var words = new RuleSetChangeWords(t);
                return TypedResults.Ok(new RuleSetDiffView(comparison.SchemeKey, comparison.Name, comparison.NameZh, comparison.Years, comparison.From, comparison.To,
                    comparison.Changes.Select(c =>
                    {
                        var (zh, en) = words.BothLanguages(c);
                        return new RuleSetChangeView(c.Field, c.Item, c.Kind, c.Change, c.Before, c.After, zh, en);
                    }).ToList()));
            })
            .WithSummary("What changed in a scheme's rules from one year to another (from, to; default: the latest year against the one before): each rule's value before and after (money in integer fen, rates as shares), and the change in words (textZh, textEn)");

        schemes.MapGet("/{key}/results/{year:int}", async (string key, int year, ClaimsPrincipal user, SchemeResults results, CancellationToken ct) =>
                TypedResults.Ok(await results.HandleAsync(key, year, ActorOf.User(user), ct)))
            .WithSummary("A scheme-year's contribution to the plan (staff): projects funded, closed, recovered; the plan indicators promised and delivered");

        return api;
    }
}

/// <summary>One change between two years' rules: the rule, its values before and after, and the sentence in Chinese and English.</summary>
public sealed record RuleSetChangeView(string Field, string? Item, string Kind, string Change, string? Before, string? After, string TextZh, string TextEn);

public sealed record RuleSetDiffView(string SchemeKey, string Name, string NameZh, IReadOnlyList<int> Years, int From, int To, IReadOnlyList<RuleSetChangeView> Changes);
