using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Enterprises;

/// <summary>
/// "My enterprise": register the enterprise you act for, or accept a colleague's invitation; invite colleagues; ask
/// for the bank account installments are paid to. Each button posts here and comes back to the page
/// (post/redirect/get), or shows the page again with the refusal in the page's language.
/// </summary>
public static class EnterprisePages
{
    private static readonly string[] Done = ["registered", "invited", "accepted", "bank-account"];

    public static IEndpointRouteBuilder MapEnterprisePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/enterprise").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));
        pages.MapGet("/", (string? done, HttpContext http, CancellationToken ct) =>
            ShowAsync(http, Done.FirstOrDefault(d => d == done), null, ct));
        pages.MapPost("/register", ([FromForm] string? uscc, [FromForm] string? name, [FromForm] string? address, HttpContext http,
                EnterpriseDirectory directory, CancellationToken ct) =>
            ActAsync(http, "registered", () => directory.RegisterAsync(new RegisterEnterpriseRequest(uscc, name, address), ActorOf.User(http.User), ct), ct));
        pages.MapPost("/invitations", ([FromForm] string? userName, HttpContext http, InviteColleague invite, CancellationToken ct) =>
            ActAsync(http, "invited", () => invite.HandleAsync(new InviteColleagueRequest(userName), ActorOf.User(http.User), ct), ct));
        pages.MapPost("/invitations/{id:guid}/accept", (Guid id, HttpContext http, AcceptInvitation accept, CancellationToken ct) =>
            ActAsync(http, "accepted", () => accept.HandleAsync(id, ActorOf.User(http.User), ct), ct));
        pages.MapPost("/bank-accounts", ([FromForm] string? bankName, [FromForm] string? accountNumber, HttpContext http,
                RequestBankAccount ask, CancellationToken ct) =>
            ActAsync(http, "bank-account", () => ask.HandleAsync(new RequestBankAccountRequest(bankName, accountNumber), ActorOf.User(http.User), ct), ct));
        return app;
    }

    private static async Task<IResult> ActAsync<T>(HttpContext http, string done, Func<Task<T>> act, CancellationToken ct)
    {
        try
        {
            await act();
            return Results.LocalRedirect($"/portal/enterprise?done={done}");
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            return await ShowAsync(http, null, refusal, ct, problem.Status ?? StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string? done, Exception? refusal, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var services = http.RequestServices;
        var actor = ActorOf.User(http.User);
        var mine = await services.GetRequiredService<EnterpriseDirectory>().MineAsync(actor, ct);
        var invitations = services.GetRequiredService<ListInvitations>();
        IReadOnlyList<InvitationView> forMe = mine is null ? await invitations.ForMeAsync(actor, ct) : [];
        IReadOnlyList<InvitationView> sent = mine is null ? [] : await invitations.SentByMyEnterpriseAsync(actor, ct);
        IReadOnlyList<BankAccountView> accounts = mine is null ? [] : await services.GetRequiredService<ListBankAccounts>().OfEnterpriseAsync(mine.Id, actor, ct);
        IReadOnlyList<string> refusals = refusal is null ? [] : OneLanguage.Of(refusal);
        return PortalPageResult.Page<EnterprisePage>(new
        {
            Mine = mine,
            InvitationsForMe = forMe,
            InvitationsSent = sent,
            BankAccounts = accounts,
            Done = done,
            Refusals = refusals,
        }, status);
    }
}
