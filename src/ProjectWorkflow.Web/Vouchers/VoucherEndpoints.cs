using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Vouchers;

/// <summary>
/// /api/vouchers: voucher schemes and budgets (administrators), quotas (enterprises apply, the issuer's approvers
/// decide), providers (register, vetted/suspended/reinstated by administrators, their catalogue services), orders and
/// redemption claims (buyers and providers, each their own), settlements (finance releases; a run opens them).
/// Auditors and the rest of the staff read everything.
/// </summary>
public static class VoucherEndpoints
{
    private static readonly string[] Staff = [.. Roles.Staff];
    private static readonly string[] Deciders = [Roles.DeptApprover];
    private static readonly string[] Readers = [Roles.Enterprise, Roles.Provider, .. Roles.Staff];
    private static readonly string[] FinanceReaders = [Roles.Finance, Roles.Admin, Roles.Auditor];

    public static RouteGroupBuilder MapVouchers(this RouteGroupBuilder api)
    {
        var vouchers = api.MapGroup("/vouchers").WithTags("Vouchers");

        vouchers.MapGet("/schemes", async (string? schemeKey, ListVoucherSchemes list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(schemeKey, ct)))
            .WithSummary("Voucher schemes and their rule sets by year, with the service catalogue (everyone signed in)");
        vouchers.MapPost("/schemes/{schemeKey}/rule-sets", async (string schemeKey, VoucherRuleSetDocument document, ClaimsPrincipal user, AddVoucherRuleSet add, CancellationToken ct) =>
                TypedResults.Ok(await add.HandleAsync(schemeKey, document, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Add a voucher scheme's rules for a year (administrators)");
        vouchers.MapGet("/budgets", async (ListVoucherBudgets list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(FinanceReaders))
            .WithSummary("Voucher budgets per scheme-year: allocated, available, reserved by quotas, paid (finance, admin, auditor)");
        vouchers.MapPut("/budgets/{schemeKey}/{year:int}", async (string schemeKey, int year, SetBudgetRequest request, ClaimsPrincipal user, SetVoucherBudget set, CancellationToken ct) =>
                TypedResults.Ok(await set.HandleAsync(schemeKey, year, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Set a voucher scheme-year's budget to a total, with a reason (administrators)");

        vouchers.MapPost("/quotas", async (ApplyForQuotaRequest request, ClaimsPrincipal user, ApplyForQuota apply, CancellationToken ct) =>
            {
                var quota = await apply.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/vouchers/quotas/{quota.Id}", quota);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Enterprise))
            .WithSummary("Apply for a year's voucher quota, as a certified SME or for a team (enterprise users)");
        vouchers.MapGet("/quotas", async (ClaimsPrincipal user, VoucherLists list, CancellationToken ct) => TypedResults.Ok(await list.QuotasAsync(ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole([Roles.Enterprise, .. Staff]))
            .WithSummary("Voucher quotas: your own (enterprise users), or all (staff)");
        vouchers.MapGet("/quotas/{id:guid}", async (Guid id, ClaimsPrincipal user, VoucherAccess access, CancellationToken ct) =>
                TypedResults.Ok(VoucherQuotaView.Of(await access.VisibleQuotaAsync(id, ActorOf.User(user), ct))))
            .RequireAuthorization(p => p.RequireRole([Roles.Enterprise, .. Staff]))
            .WithSummary("One quota: granted, held by orders, left, redeemed, released (its holder, and the staff)");
        vouchers.MapPost("/quotas/{id:guid}/decision", async (Guid id, DecideQuotaRequest request, ClaimsPrincipal user, DecideQuota decide, CancellationToken ct) =>
                TypedResults.Ok(await decide.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Deciders))
            .WithSummary("Grant ({ grant: true, grantedFen }) or refuse ({ grant: false, reason }) a quota; a grant is reserved in the voucher budget (department approvers)");

        vouchers.MapPost("/providers", async (RegisterProviderRequest request, ClaimsPrincipal user, RegisterProvider register, CancellationToken ct) =>
            {
                var provider = await register.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/vouchers/providers/{provider.Id}", provider);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Provider))
            .WithSummary("Register the service provider you act for, by its USCC; an administrator vets it (provider users)");
        vouchers.MapGet("/providers", async (VoucherLists list, CancellationToken ct) => TypedResults.Ok(await list.ProvidersAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("Service providers, their standing and their catalogue services with prices");
        vouchers.MapGet("/providers/{id:guid}", async (Guid id, VoucherLists list, CancellationToken ct) => TypedResults.Ok(await list.ProviderAsync(id, ct)))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("One service provider");
        vouchers.MapPost("/providers/{id:guid}/vet", async (Guid id, ClaimsPrincipal user, VetProvider vet, CancellationToken ct) =>
                TypedResults.Ok(await vet.HandleAsync(id, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Vet a registered provider: it takes orders from now on (administrators)");
        vouchers.MapPost("/providers/{id:guid}/suspend", async (Guid id, ProviderStandingRequest request, ClaimsPrincipal user, SuspendProvider suspend, CancellationToken ct) =>
                TypedResults.Ok(await suspend.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Suspend a provider with a reason: no new orders, running ones finish (administrators)");
        vouchers.MapPost("/providers/{id:guid}/reinstate", async (Guid id, ProviderStandingRequest request, ClaimsPrincipal user, ReinstateProvider reinstate, CancellationToken ct) =>
                TypedResults.Ok(await reinstate.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Reinstate a suspended provider with a reason (administrators)");
        vouchers.MapPut("/providers/{id:guid}/services", async (Guid id, OfferServiceRequest request, ClaimsPrincipal user, OfferService offer, CancellationToken ct) =>
                TypedResults.Ok(await offer.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Provider))
            .WithSummary("List or reprice a catalogue service your provider offers (provider users, their own provider)");

        vouchers.MapPost("/orders", async (PlaceOrderRequest request, ClaimsPrincipal user, PlaceOrder place, CancellationToken ct) =>
            {
                var order = await place.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/vouchers/orders/{order.Id}", order);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Enterprise))
            .WithSummary("Order a catalogue service with your quota: contract value and the voucher's share (within the ratio, the per-claim cap and the quota left) (enterprise users)");
        vouchers.MapGet("/orders", async (ClaimsPrincipal user, VoucherLists list, CancellationToken ct) => TypedResults.Ok(await list.OrdersAsync(ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("Voucher orders: the buyer's own, the provider's own, or all (staff)");
        vouchers.MapGet("/orders/{id:guid}", async (Guid id, ClaimsPrincipal user, VoucherAccess access, CancellationToken ct) =>
                TypedResults.Ok(VoucherOrderView.Of(await access.VisibleOrderAsync(id, ActorOf.User(user), ct))))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("One voucher order (its buyer, its provider, the staff)");
        vouchers.MapPost("/orders/{id:guid}/answer", async (Guid id, AnswerOrderRequest request, ClaimsPrincipal user, AnswerOrder answer, CancellationToken ct) =>
                TypedResults.Ok(await answer.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Provider))
            .WithSummary("Accept ({ accept: true }) or decline ({ accept: false, reason }) an order for your provider (provider users)");
        vouchers.MapPost("/orders/{id:guid}/delivery", async (Guid id, DeliverOrderRequest request, ClaimsPrincipal user, DeliverOrder deliver, CancellationToken ct) =>
                TypedResults.Ok(await deliver.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Provider))
            .WithSummary("Record an accepted order's delivery and its deliverable (provider users)");
        vouchers.MapPost("/orders/{id:guid}/delivery-confirmation", async (Guid id, ClaimsPrincipal user, ConfirmDelivery confirm, CancellationToken ct) =>
                TypedResults.Ok(await confirm.HandleAsync(id, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Enterprise))
            .WithSummary("Confirm you received a delivered order's service; its provider may then claim redemption (the buyer's enterprise users)");

        vouchers.MapPost("/claims", async (SubmitClaimRequest request, ClaimsPrincipal user, SubmitClaim submit, CancellationToken ct) =>
            {
                var claim = await submit.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/vouchers/claims/{claim.Id}", claim);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Provider))
            .WithSummary("Claim redemption of a delivered order its buyer confirmed: contract, invoice (redeemed once anywhere), the buyer's payment proof, deliverable (provider users)");
        vouchers.MapGet("/claims", async (ClaimsPrincipal user, VoucherLists list, CancellationToken ct) => TypedResults.Ok(await list.ClaimsAsync(ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole([Roles.Provider, .. Staff]))
            .WithSummary("Redemption claims: your provider's (provider users), or all (staff)");
        vouchers.MapGet("/claims/{id:guid}", async (Guid id, ClaimsPrincipal user, VoucherAccess access, CancellationToken ct) =>
            {
                var actor = ActorOf.User(user);
                return TypedResults.Ok(RedemptionClaimView.Of(await access.VisibleClaimAsync(id, actor, ct), VoucherAccess.IsStaff(actor)));
            })
            .RequireAuthorization(p => p.RequireRole([Roles.Provider, .. Staff]))
            .WithSummary("One redemption claim (its provider, the staff)");
        vouchers.MapPost("/claims/{id:guid}/documents", async (Guid id, CompleteClaimRequest request, ClaimsPrincipal user, CompleteClaim complete, CancellationToken ct) =>
                TypedResults.Ok(await complete.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Provider))
            .WithSummary("Add the documents an incomplete claim lacks (provider users)");
        vouchers.MapPost("/claims/{id:guid}/review", async (Guid id, ReviewClaimRequest request, ClaimsPrincipal user, ReviewClaim review, CancellationToken ct) =>
                TypedResults.Ok(await review.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Deciders))
            .WithSummary("Approve a complete claim (public notice follows) or reject it with a reason (department approvers)");

        vouchers.MapGet("/settlements", async (ClaimsPrincipal user, VoucherLists list, CancellationToken ct) => TypedResults.Ok(await list.SettlementsAsync(ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole([Roles.Provider, .. Staff]))
            .WithSummary("Voucher settlements: your provider's (provider users), or all (staff)");
        vouchers.MapGet("/settlements/{id:guid}", async (Guid id, ClaimsPrincipal user, VoucherLists list, CancellationToken ct) =>
                TypedResults.Ok(await list.SettlementAsync(id, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole([Roles.Provider, .. Staff]))
            .WithSummary("One voucher settlement (its provider, the staff)");
        vouchers.MapPost("/settlements/{id:guid}/release", async (Guid id, ClaimsPrincipal user, ReleaseSettlement release, CancellationToken ct) =>
                TypedResults.Ok(await release.HandleAsync(id, ActorOf.User(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance))
            .WithSummary("Release a provider's settlement to the treasury (finance officers who played no other part in it)");
        vouchers.MapPost("/settlement-runs", async (SettlementRunRequest? request, OpenSettlements run, CancellationToken ct) =>
                TypedResults.Ok(await run.RunForAsync(request?.CycleEndingOn, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Run the settlement check now (as the quarterly job does): opens the ended cycle's payment orders once per provider (administrators)");
        vouchers.MapGet("/views/{view}", async (string view, VoucherSettlementDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ViewAsync(view, ct)))
            .RequireAuthorization(p => p.RequireRole(FinanceReaders))
            .WithSummary("Voucher settlements due, in flight or paid (voucher-settlements-due | -in-flight | -paid)");
        vouchers.MapGet("/exports/{view}.xlsx", async (string view, VoucherSettlementDesk desk, CancellationToken ct) =>
                TypedResults.File(await desk.ExportAsync(view, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{view}.xlsx"))
            .RequireAuthorization(p => p.RequireRole(FinanceReaders))
            .WithSummary("One voucher settlement view as an Excel workbook");
        return api;
    }
}

public sealed record SettlementRunRequest(DateOnly? CycleEndingOn);
