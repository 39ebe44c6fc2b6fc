using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Vouchers;

/// <summary>
/// The voucher pages (/portal/vouchers): an enterprise applies for a quota, sees its balance, orders a catalogue
/// service from a provider and follows its orders; a provider keeps its catalogue and prices, accepts or declines
/// orders, records deliveries (which the enterprise confirms), claims redemption with its documents and follows its claims and settlements; the
/// staff read all of it. The issuer's reviewers (department approvers) grant or refuse quota applications and approve
/// or reject redemption claims on /portal/vouchers/decisions, which administrators and auditors read without a
/// button. Each button acts through the use case the JSON API uses.
/// </summary>
public static class VoucherPages
{
    private const string Back = "/portal/vouchers";
    private const string DecisionsBack = "/portal/vouchers/decisions";

    public static IEndpointRouteBuilder MapVoucherPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/vouchers").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole([Roles.Enterprise, Roles.Provider, .. Roles.Staff]));
        pages.MapGet("/", (string? done) => PortalPageResult.Page<VouchersPage>(new { Done = done }));

        pages.MapPost("/quotas", async (IFormCollection form, ClaimsPrincipal user, ApplyForQuota apply, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            return await PressAsync(async () =>
            {
                var quota = await apply.HandleAsync(new ApplyForQuotaRequest(PortalButton.Field(form, "schemeKey", 64), PortalButton.Int(form, "year"),
                    "certified-sme", PortalButton.Fen(form, "requestedYuan"), PortalButton.Field(form, "certificateNumber", 64),
                    PortalButton.Field(form, "legalRepresentative", 100), null, null, null, null), ActorOf.User(user), ct);
                return t["QuotaApplied", quota.Number, new Money(quota.RequestedFen)].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));

        pages.MapPost("/orders", async (IFormCollection form, ClaimsPrincipal user, PlaceOrder place, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            // One select names the provider and its catalogue item together: "<providerId>|<schemeKey>|<itemKey>".
            var service = (PortalButton.Field(form, "service", 200) ?? "").Split('|');
            return await PressAsync(async () =>
            {
                var order = await place.HandleAsync(new PlaceOrderRequest(Guid.TryParse(PortalButton.Field(form, "quotaId", 64), out var quota) ? quota : null,
                    service.Length == 3 && Guid.TryParse(service[0], out var provider) ? provider : null, service.Length == 3 ? service[2] : null,
                    PortalButton.Fen(form, "contractValueYuan"), PortalButton.Fen(form, "voucherShareYuan")), ActorOf.User(user), ct);
                return t["OrderPlaced", order.Number, new Money(order.VoucherShareFen)].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));

        pages.MapPost("/orders/{id:guid}/answer", async (Guid id, IFormCollection form, ClaimsPrincipal user, AnswerOrder answer, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            var accept = form["accept"].ToString() switch { "true" => true, "false" => (bool?)false, _ => null };
            return await PressAsync(async () =>
            {
                var order = await answer.HandleAsync(id, new AnswerOrderRequest(accept, PortalButton.Field(form, "reason", 500)), ActorOf.User(user), ct);
                return t[accept == true ? "OrderAccepted" : "OrderDeclined", order.Number].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Provider));

        pages.MapPost("/orders/{id:guid}/delivery", async (Guid id, IFormCollection form, ClaimsPrincipal user, DeliverOrder deliver, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            return await PressAsync(async () =>
                t["OrderDelivered", (await deliver.HandleAsync(id, new DeliverOrderRequest(PortalButton.Field(form, "deliverable", 500)), ActorOf.User(user), ct)).Number].Value);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Provider));

        pages.MapPost("/orders/{id:guid}/confirmation", async (Guid id, ClaimsPrincipal user, ConfirmDelivery confirm, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            return await PressAsync(async () => t["DeliveryConfirmed", (await confirm.HandleAsync(id, ActorOf.User(user), ct)).Number].Value);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));

        pages.MapPost("/claims", async (IFormCollection form, ClaimsPrincipal user, SubmitClaim submit, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            return await PressAsync(async () =>
            {
                var claim = await submit.HandleAsync(new SubmitClaimRequest(Guid.TryParse(PortalButton.Field(form, "orderId", 64), out var order) ? order : null,
                    PortalButton.Field(form, "invoiceNumber", 64), PortalButton.Field(form, "contract", 500), PortalButton.Field(form, "paymentProof", 500),
                    PortalButton.Field(form, "deliverable", 500)), ActorOf.User(user), ct);
                return t["ClaimSubmitted", claim.Number, new Money(claim.AmountFen)].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Provider));

        pages.MapGet("/decisions", (string? done) => PortalPageResult.Page<VoucherDecisionsPage>(new { Done = done }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover, Roles.Admin, Roles.Auditor));

        pages.MapPost("/quotas/{id:guid}/decision", async (Guid id, IFormCollection form, ClaimsPrincipal user, DecideQuota decide, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            var grant = form["grant"].ToString() switch { "true" => true, "false" => (bool?)false, _ => null };
            return await PressDecisionAsync(async () =>
            {
                var quota = await decide.HandleAsync(id, new DecideQuotaRequest(grant, grant == true ? PortalButton.Fen(form, "grantedYuan") : null,
                    PortalButton.Field(form, "reason", 1000)), ActorOf.User(user), ct);
                return grant == true ? t["QuotaGranted", quota.Number, new Money(quota.GrantedFen)].Value : t["QuotaRefused", quota.Number].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover));

        pages.MapPost("/claims/{id:guid}/review", async (Guid id, IFormCollection form, ClaimsPrincipal user, ReviewClaim review, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            var approve = form["approve"].ToString() switch { "true" => true, "false" => (bool?)false, _ => null };
            return await PressDecisionAsync(async () =>
            {
                var claim = await review.HandleAsync(id, new ReviewClaimRequest(approve, PortalButton.Field(form, "reason", 1000)), ActorOf.User(user), ct);
                return approve == true ? t["ClaimApproved", claim.Number, claim.NoticeEndsOn?.ToString("yyyy-MM-dd") ?? ""].Value : t["ClaimRejected", claim.Number].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.DeptApprover));

        // A voucher scheme's rules for a new year, as a form started from a copy of an earlier year's (administrators).
        pages.MapGet("/rule-sets/{schemeKey}/new", async (string schemeKey, int? from, ListVoucherSchemes schemes, CancellationToken ct) =>
        {
            var years = await schemes.HandleAsync(schemeKey, ct);
            if (CopyOf(years, from) is not { } copy)
                return PortalPageResult.Page<RefusalPage>(new { Message = $"{schemeKey} has no voucher rules to start from." }, StatusCodes.Status404NotFound);
            var year = years.Max(y => y.Year) + 1;
            return PortalPageResult.Page<VoucherRuleSetPage>(new { SchemeKey = schemeKey, Copy = copy, Form = VoucherRuleSetForm.StartFrom(copy.Rules, year) });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        pages.MapPost("/rule-sets/{schemeKey}", async (string schemeKey, IFormCollection posted, ClaimsPrincipal user, ListVoucherSchemes schemes, AddVoucherRuleSet add,
            IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            var years = await schemes.HandleAsync(schemeKey, ct);
            if (CopyOf(years, PortalButton.Int(posted, "from")) is not { } copy)
                return PortalPageResult.Page<RefusalPage>(new { Message = $"{schemeKey} has no voucher rules to start from." }, StatusCodes.Status404NotFound);
            var (document, filled) = VoucherRuleSetForm.Read(posted, copy.Rules);
            IResult Again(int status, string? refusal = null) =>
                PortalPageResult.Page<VoucherRuleSetPage>(new { SchemeKey = schemeKey, Copy = copy, Form = filled, Refusal = refusal ?? t["FixTheFields"].Value }, status);
            if (document is null) return Again(StatusCodes.Status400BadRequest);
            try
            {
                var added = await add.HandleAsync(schemeKey, document, ActorOf.User(user), ct);
                return Results.LocalRedirect($"{Back}?done={Uri.EscapeDataString(t["VoucherRulesAdded", added.Year].Value)}");
            }
            catch (Application.Validation.InvalidRequestException invalid)
            {
                filled.Add(invalid.Errors);
                return Again(StatusCodes.Status400BadRequest);
            }
            catch (Exception refusal) when (Errors.RefusalProblems.Describe(refusal) is { Status: not 404 } problem)
            {
                return Again(problem.Status ?? StatusCodes.Status400BadRequest, Errors.RefusalProblems.ForReader(refusal, problem));
            }
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        pages.MapPost("/services", async (IFormCollection form, ClaimsPrincipal user, VoucherAccess access, OfferService offer, IStringLocalizer<VoucherText> t, CancellationToken ct) =>
        {
            var item = (PortalButton.Field(form, "item", 200) ?? "").Split('|');
            return await PressAsync(async () =>
            {
                var actor = ActorOf.User(user);
                var provider = await access.ProviderOfAsync(actor, ct)
                    ?? throw new Application.Refusals.NotFoundException(t["NoProvider"].Value);
                await offer.HandleAsync(provider, new OfferServiceRequest(item.Length == 3 ? item[0] : null,
                    item.Length == 3 && int.TryParse(item[1], out var year) ? year : null, item.Length == 3 ? item[2] : null,
                    PortalButton.Fen(form, "priceYuan")), actor, ct);
                return t["ServiceOffered"].Value;
            });
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Provider));
        return app;
    }

    private static VoucherSchemeView? CopyOf(IReadOnlyList<VoucherSchemeView> years, int? from) =>
        years.FirstOrDefault(y => y.Year == from) ?? years.OrderBy(y => y.Year).LastOrDefault();

    private static Task<IResult> PressAsync(Func<Task<string>> act) =>
        PortalButton.PressAsync(act, Back, (refusal, status) => PortalPageResult.Page<VouchersPage>(new { Refusal = refusal }, status));

    private static Task<IResult> PressDecisionAsync(Func<Task<string>> act) =>
        PortalButton.PressAsync(act, DecisionsBack, (refusal, status) => PortalPageResult.Page<VoucherDecisionsPage>(new { Refusal = refusal }, status));
}
