using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Incidents;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Workflows.Instances;
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
                    return Again(problem.Status ?? StatusCodes.Status400BadRequest, RefusalProblems.ForReader(refusal, problem));
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

        // A person's account: disable, enable, a temporary password, their roles. The refusals speak the page's language.
        admin.MapPost("/users/{userName}/disable", (string userName, IFormCollection form, ClaimsPrincipal user, DisableUser disable, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            UserButtonAsync(async () => t["UserDisabled", (await disable.HandleAsync(userName, PortalButton.Field(form, "reason", 500), ActorOf.User(user), ct)).UserName].Value))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/users/{userName}/enable", (string userName, EnableUser enable, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            UserButtonAsync(async () => t["UserEnabled", (await enable.HandleAsync(userName, ct)).UserName].Value))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/users/{userName}/password-reset", async (string userName, ResetPassword reset, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                // Shown in this answer only (no redirect: the password would sit in an address and the access log).
                var done = await reset.HandleAsync(userName, ct);
                http.Response.Headers.CacheControl = "no-store";
                return PortalPageResult.Page<UsersPage>(new { Reset = done });
            }
            catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
            {
                return PortalPageResult.Page<UsersPage>(new { Refusal = RefusalProblems.ForReader(refusal, problem) }, problem.Status ?? StatusCodes.Status400BadRequest);
            }
        })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/users/{userName}/roles", (string userName, IFormCollection form, ClaimsPrincipal user, ChangeRoles change, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            UserButtonAsync(async () =>
            {
                var roles = form["roles"].Where(r => r is { Length: > 0 and <= 64 }).Select(r => r!).Take(Roles.All.Count * 2).ToList();
                var changed = await change.HandleAsync(userName, new ChangeRolesRequest(roles), ActorOf.User(user), ct);
                return t["RolesChanged", changed.UserName, string.Join("、", changed.Roles.Select(r => t[$"Role.{r}"].Value))].Value;
            }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        // The expert pool: experts with their fields and their ties to enterprises or calls.
        admin.MapGet("/experts", (string? done, string? field) => PortalPageResult.Page<ExpertsPage>(new { Done = done, Field = field }));
        admin.MapPost("/experts", (IFormCollection form, SaveExpert save, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            ExpertButtonAsync(async () =>
            {
                var fields = form["fields"].Where(f => f is { Length: > 0 and <= 64 }).Select(f => f!).Take(16).ToList();
                var saved = await save.HandleAsync(PortalButton.Field(form, "expert", 256) ?? "", new SaveExpertRequest(fields), ct);
                return t["ExpertSaved", saved.Expert, string.Join("、", saved.Fields.Select(f => t[$"ExpertField.{f}"].Value))].Value;
            }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapPost("/experts/{expert}/relations", (string expert, IFormCollection form, RelateExpert relate, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            ExpertButtonAsync(async () =>
            {
                DateOnly? endedOn = null;
                if (PortalButton.Field(form, "endedOn", 32) is { } ended)
                    endedOn = DateOnly.TryParseExact(ended, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                        ? day : throw InvalidRequestException.For("endedOn", t["NotADay", ended].Value);
                var relation = await relate.HandleAsync(expert, new RelateExpertRequest(PortalButton.Field(form, "kind", 64), PortalButton.Field(form, "uscc", 64),
                    PortalButton.Field(form, "schemeKey", 64), PortalButton.Int(form, "year"), endedOn, PortalButton.Field(form, "note", 1000)), ct);
                return t["RelationRecorded", expert, t[$"RelationKind.{relation.Kind}"].Value].Value;
            }))
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
        // Moving a token (跳转) of a faulted or stuck instance: cancel the tokens at one activity, start one before another, with a reason.
        admin.MapPost("/incidents/move", (IFormCollection form, ClaimsPrincipal user, ModifyInstance modify, IStringLocalizer<AdministrationText> t, CancellationToken ct) =>
            PressInLanguageAsync(async () =>
                {
                    if (!Guid.TryParse(PortalButton.Field(form, "instanceId", 64), out var instanceId))
                        throw new InvalidRequestException([FieldError.Of("instanceId", "Give the instance's id (a GUID, as the table shows it).", "请填写流程实例编号（表中所示的 GUID）。")]);
                    var from = PortalButton.Field(form, "from", ModifyInstance.MaxElementIdLength);
                    var to = PortalButton.Field(form, "to", ModifyInstance.MaxElementIdLength);
                    if (to is null)
                        throw new InvalidRequestException([FieldError.Of("to", "Name the activity to move the token to (its element id).", "请填写令牌移至的环节（环节编号）。")]);
                    var reason = PortalButton.Field(form, "reason", ModifyInstance.MaxReasonLength);
                    if (reason is null)
                        throw new InvalidRequestException([FieldError.Of("reason", "Give a reason: it is kept in the journal and the audit log.", "请填写原因：它会记入流程日志和审计日志。")]);
                    await modify.HandleAsync(instanceId, new ModifyInstanceRequest(from is null ? [] : [from], [to], reason), ActorOf.User(user), ct);
                    return t["TokenMoved", from ?? "-", to].Value;
                }, "/portal/admin/incidents",
                (refusal, status) => PortalPageResult.Page<IncidentsPage>(new { Refusal = refusal }, status)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return app;
    }

    private static Task<IResult> UserButtonAsync(Func<Task<string>> act) =>
        PressInLanguageAsync(act, "/portal/admin/users", (refusal, status) => PortalPageResult.Page<UsersPage>(new { Refusal = refusal }, status));

    private static Task<IResult> ExpertButtonAsync(Func<Task<string>> act) =>
        PressInLanguageAsync(act, "/portal/admin/experts", (refusal, status) => PortalPageResult.Page<ExpertsPage>(new { Refusal = refusal }, status));

    /// <summary>
    /// A button as <see cref="PortalButton.PressAsync"/> presses it, except that a refusal is shown in the page's language
    /// only (the rule's Chinese or English sentence, each field's Chinese where the use case gave one).
    /// </summary>
    private static async Task<IResult> PressInLanguageAsync(Func<Task<string>> act, string back, Func<string, int, IResult> refused)
    {
        string done;
        try
        {
            done = await act();
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            return refused(RefusalProblems.ForReader(refusal, problem), problem.Status ?? StatusCodes.Status400BadRequest);
        }
        return Results.LocalRedirect($"{back}?done={Uri.EscapeDataString(done)}");
    }

    private static Task<IResult> ProviderButtonAsync(Func<Task<string>> act) =>
        PortalButton.PressAsync(act, "/portal/admin/providers", (refusal, status) => PortalPageResult.Page<ProvidersPage>(new { Refusal = refusal }, status));

    /// <summary>The rule set a new year starts from: the year asked for, or the latest.</summary>
    private static RuleSetView? Copy(SchemeDetail scheme, int? from) =>
        from is { } year ? scheme.RuleSets.FirstOrDefault(r => r.Year == year) : scheme.RuleSets.LastOrDefault();
}
