using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Finance;

/// <summary>
/// The finance desk's routes: the page (<see cref="FinanceDeskPage"/>) and its three buttons. Everything it shows and
/// does goes through the ledger's use cases; a refusal is shown on the page in the rule's words, never as a crash.
/// </summary>
public static class FinanceDesk
{
    private static readonly string[] Readers = [Roles.Finance, Roles.Admin, Roles.Auditor];

    public static IEndpointRouteBuilder MapFinanceDesk(this IEndpointRouteBuilder app)
    {
        // Its buttons are state-changing posts: ForgedRequestCheck validates their antiforgery token and origin.
        var desk = app.MapGroup("/finance").RequireAuthorization().ExcludeFromDescription();
        desk.MapGet("/", (ClaimsPrincipal user, string? done) => Page(user, done, refusal: null, StatusCodes.Status200OK));

        desk.MapPost("/payment-orders/{id:guid}/approve", (Guid id, ClaimsPrincipal user, ApprovePaymentOrder approve,
                IStringLocalizer<PortalText> t, CancellationToken ct) =>
            ActAsync(user, t, async actor =>
            {
                var order = await approve.HandleAsync(id, actor, ct);
                return order.HoldReason is { } held
                    ? t["DoneApprovedHeld", order.ApplicationNumber, order.InstallmentNumber, held]
                    : t["DoneApprovedSent", order.ApplicationNumber, order.InstallmentNumber, new Money(order.AmountFen)];
            }));

        // A voucher settlement is released by a finance officer who played no other part in what it pays (the ledger's
        // SettlementReleaseConflict rule); the release task completes and the order goes to the treasury, once.
        desk.MapPost("/voucher-settlements/{id:guid}/release", (Guid id, ClaimsPrincipal user, ReleaseSettlement release,
                IStringLocalizer<PortalText> t, CancellationToken ct) =>
            ActAsync(user, t, async actor =>
            {
                var settlement = await release.HandleAsync(id, actor, ct);
                return t["DoneSettlementReleased", settlement.ProviderName, settlement.Cycle, new Money(settlement.AmountFen)];
            }));

        desk.MapPost("/recoveries/{id:guid}/received", (Guid id, ClaimsPrincipal user, ReceiveRecovery receive,
                IStringLocalizer<PortalText> t, CancellationToken ct) =>
            ActAsync(user, t, async actor =>
            {
                var recovery = await receive.HandleAsync(id, actor, ct);
                return t["DoneRecoveryReceived", recovery.ApplicationNumber, new Money(recovery.AmountFen)];
            }));
        return app;
    }

    private static IResult Page(ClaimsPrincipal user, string? done, string? refusal, int status) =>
        Readers.Any(user.IsInRole)
            ? PortalPageResult.Page<FinanceDeskPage>(new { Done = done, Refusal = refusal }, status)
            : PortalPageResult.Page<FinanceDeskPage>(new { Forbidden = true }, StatusCodes.Status403Forbidden);

    private static async Task<IResult> ActAsync(ClaimsPrincipal user, IStringLocalizer<PortalText> t, Func<Actor, Task<string>> act)
    {
        if (!user.IsInRole(Roles.Finance))
            return PortalPageResult.Page<FinanceDeskPage>(new { Forbidden = true, Refusal = t["OnlyFinanceActs"].Value }, StatusCodes.Status403Forbidden);
        string done;
        try
        {
            done = await act(ActorOf.User(user));
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            // In the reader's language: a named rule's sentence, a refusal's Chinese or English (never the two pasted together).
            return Page(user, null, RefusalProblems.ForReader(refusal, problem), problem.Status!.Value);
        }
        // Post/redirect/get: a reload does not press the button again (and the use cases refuse a second press anyway).
        return Results.LocalRedirect($"/finance?done={Uri.EscapeDataString(done)}");
    }
}
