using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Incidents;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Administration;

/// <summary>
/// The administrators' pages (/portal/admin): schemes and their rule sets (a form per rule set, started from a copy
/// of an earlier year's), budgets per scheme-year with their history, users and roles, providers' vetting and
/// suspension. Each button posts to its own route here and acts through the use case the JSON API uses.
/// </summary>
public static class AdministrationPages
{
    public static IEndpointRouteBuilder MapAdministrationPages(this IEndpointRouteBuilder app)
    {
        // Auditors read every page here; each button (and the rule-set form) is the administrators' alone.
        var admin = app.MapGroup("/portal/admin").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Auditor));

        admin.MapGet("/schemes", (string? done) => PortalPageResult.Page<SchemesPage>(new { Done = done }));
        admin.MapGet("/schemes/{key}/rule-sets/new", async (string key, int? from, ListSchemes schemes, CancellationToken ct) =>
            await Applications.ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var scheme = await schemes.GetAsync(key, ct);
                var copy = Copy(scheme, from);
                if (copy is null) return PortalPageResult.Page<RefusalPage>(new { Message = $"{key} has no rule set to start from." }, StatusCodes.Status404NotFound);
                var year = Math.Max(copy.Year, scheme.RuleSets.Max(r => r.Year)) + 1;
                return PortalPageResult.Page<RuleSetPage>(new { Scheme = scheme, Copy = copy, Form = RuleSetForm.StartFrom(copy.Rules, year) });
            }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/schemes/{key}/rule-sets", async (string key, IFormCollection posted, ClaimsPrincipal user, ListSchemes schemes, AddRuleSet add,
                IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            await Applications.ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var scheme = await schemes.GetAsync(key, ct);
                var copy = Copy(scheme, PortalButton.Int(posted, "from"));
                if (copy is null) return PortalPageResult.Page<RefusalPage>(new { Message = $"{key} has no rule set to start from." }, StatusCodes.Status404NotFound);
                var (document, filled) = RuleSetForm.Read(posted, copy.Rules);
                IResult Again(int status, string? refusal = null) =>
                    PortalPageResult.Page<RuleSetPage>(new { Scheme = scheme, Copy = copy, Form = filled, Refusal = refusal ?? t["FixTheFields"].Value }, status);
                if (document is null) return Again(StatusCodes.Status400BadRequest);
                try
                {
                    var added = await add.HandleAsync(key, document, ActorOf.User(user), ct);
                    return Results.LocalRedirect($"/portal/admin/schemes?done={Uri.EscapeDataString(t["RuleSetAdded", key, added.Year].Value)}");
                }
                catch (InvalidRequestException invalid)
                {
                    filled.Add(invalid.Errors);
                    return Again(StatusCodes.Status400BadRequest);
                }
                catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { Status: not 404 } problem)
                {
                    return Again(problem.Status ?? StatusCodes.Status400BadRequest, problem.Detail);
                }
            }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        admin.MapGet("/budgets", (string? done) => PortalPageResult.Page<BudgetsPage>(new { Done = done }));
        admin.MapPost("/budgets", async (IFormCollection form, ClaimsPrincipal user, SetBudget set, SetVoucherBudget setVoucher,
                IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
        {
            var scheme = PortalButton.Field(form, "scheme", 64) ?? "";
            var year = PortalButton.Int(form, "year") ?? 0;
            var amount = PortalButton.Fen(form, "amountYuan");
            return await PortalButton.PressAsync(async () =>
                {
                    if (amount is null) throw InvalidRequestException.For("amountYuan", t["AmountInYuan"].Value);
                    var budgetRequest = new SetBudgetRequest(amount, PortalButton.Field(form, "reason", 500));
                    if (scheme.EndsWith("-voucher", StringComparison.Ordinal))
                        await setVoucher.HandleAsync(scheme, year, budgetRequest, ActorOf.User(user), ct);
                    else
                        await set.HandleAsync(scheme, year, budgetRequest, ActorOf.User(user), ct);
                    return t["BudgetSet", scheme, year, new Money(amount.Value)].Value;
                }, "/portal/admin/budgets",
                (refusal, status) => PortalPageResult.Page<BudgetsPage>(new { Refusal = refusal }, status));
        })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        admin.MapGet("/users", (string? done) => PortalPageResult.Page<UsersPage>(new { Done = done }));
        admin.MapPost("/users", async (IFormCollection form, CreateUser create, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
        {
            var roles = form["roles"].Where(r => r is not null).Select(r => r!).Where(Roles.All.Contains).ToList();
            var outcome = await create.HandleAsync(new CreateUserRequest(PortalButton.Field(form, "userName", 256), PortalButton.Field(form, "displayName", 256),
                PortalButton.Field(form, "organisation", 256), form["password"].ToString() is { Length: > 0 and <= 256 } password ? password : null, roles,
                PortalButton.Field(form, "email", 256)));
            return outcome switch
            {
                CreateUser.Created created => Results.LocalRedirect($"/portal/admin/users?done={Uri.EscapeDataString(t["UserCreated", created.User.UserName].Value)}"),
                CreateUser.Invalid invalid => PortalPageResult.Page<UsersPage>(new { Refusal = string.Join(" ", invalid.Errors.Select(e => e.Message)) }, StatusCodes.Status400BadRequest),
                CreateUser.UserNameTaken taken => PortalPageResult.Page<UsersPage>(new { Refusal = t["UserNameTaken", taken.UserName].Value }, StatusCodes.Status409Conflict),
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
            };
        })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        admin.MapGet("/providers", (string? done) => PortalPageResult.Page<ProvidersPage>(new { Done = done }));
        admin.MapPost("/providers/{id:guid}/vet", (Guid id, ClaimsPrincipal user, VetProvider vet, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            ProviderButtonAsync(async () => t["ProviderVetted", (await vet.HandleAsync(id, ActorOf.User(user), ct)).Name].Value))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/providers/{id:guid}/suspend", async (Guid id, IFormCollection form, ClaimsPrincipal user, SuspendProvider suspend,
            IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
        {
            var reason = PortalButton.Field(form, "reason", 500);
            return await ProviderButtonAsync(async () => t["ProviderSuspended", (await suspend.HandleAsync(id, new(reason), ActorOf.User(user), ct)).Name].Value);
        })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/providers/{id:guid}/reinstate", async (Guid id, IFormCollection form, ClaimsPrincipal user, ReinstateProvider reinstate,
            IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
        {
            var reason = PortalButton.Field(form, "reason", 500);
            return await ProviderButtonAsync(async () => t["ProviderReinstated", (await reinstate.HandleAsync(id, new(reason), ActorOf.User(user), ct)).Name].Value);
        })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        admin.MapGet("/calendar", (string? done) => PortalPageResult.Page<CalendarPage>(new { Done = done }));
        admin.MapPost("/calendar/{year:int}", (int year, IFormCollection form, ClaimsPrincipal user, SetCalendarYear set,
            IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
        {
            List<DateOnly>? Days(string field)
            {
                var days = new List<DateOnly>();
                foreach (var part in form[field].ToString().Split(['\n', '\r', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
                    if (DateOnly.TryParseExact(part.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) days.Add(day);
                    else throw InvalidRequestException.For(field, t["NotADay", part.Trim()].Value);
                return days;
            }
            return PortalButton.PressAsync(async () =>
                {
                    await set.HandleAsync(year, new CalendarYearRequest(Days("daysOff"), Days("makeUpWorkdays"), PortalButton.Field(form, "source", 500)), ActorOf.User(user), ct);
                    return t["CalendarSaved", year].Value;
                }, $"/portal/admin/calendar?year={year}",
                (refusal, status) => PortalPageResult.Page<CalendarPage>(new { Refusal = refusal }, status));
        })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        admin.MapGet("/incidents", (string? done) => PortalPageResult.Page<IncidentsPage>(new { Done = done }));
        admin.MapPost("/incidents/{id:guid}/retry", (Guid id, IFormCollection form, ClaimsPrincipal user, RetryIncident retry, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            PortalButton.PressAsync(async () =>
                {
                    // The corrected variables, as a JSON object ({"amountFen": 500}); empty retries the step as it stands.
                    System.Text.Json.Nodes.JsonObject? variables = null;
                    if (PortalButton.Field(form, "variables", 4000) is { } json)
                    {
                        try { variables = System.Text.Json.Nodes.JsonNode.Parse(json) as System.Text.Json.Nodes.JsonObject; }
                        catch (System.Text.Json.JsonException) { variables = null; }
                        if (variables is null) throw InvalidRequestException.For("variables", t["VariablesAsJson"].Value);
                    }
                    var outcome = await retry.HandleAsync(id, new RetryIncidentRequest(variables), ActorOf.User(user), ct);
                    return outcome.OpenIncidents.Count == 0 ? t["IncidentRetried", outcome.Status].Value : t["IncidentStillOpen", string.Join(" ", outcome.OpenIncidents)].Value;
                }, "/portal/admin/incidents",
                (refusal, status) => PortalPageResult.Page<IncidentsPage>(new { Refusal = refusal }, status)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return app;
    }

    private static Task<IResult> ProviderButtonAsync(Func<Task<string>> act) =>
        PortalButton.PressAsync(act, "/portal/admin/providers", (refusal, status) => PortalPageResult.Page<ProvidersPage>(new { Refusal = refusal }, status));

    /// <summary>The rule set a new year starts from: the year asked for, or the latest.</summary>
    private static RuleSetView? Copy(SchemeDetail scheme, int? from) =>
        from is { } year ? scheme.RuleSets.FirstOrDefault(r => r.Year == year) : scheme.RuleSets.LastOrDefault();
}
