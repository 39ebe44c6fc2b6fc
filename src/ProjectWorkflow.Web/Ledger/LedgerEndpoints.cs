using System.Security.Claims;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Ledger;

/// <summary>
/// /api/ledger: finance officers work on payment orders and recoveries; administrators set budgets; auditors
/// read everything; enterprises and other roles see nothing of it.
/// </summary>
public static class LedgerEndpoints
{
    private static readonly string[] Readers = [Roles.Finance, Roles.Admin, Roles.Auditor];

    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger")
            .RequireAuthorization(policy => policy.RequireRole(Readers));

        ledger.MapGet("/payment-orders", async (string? status, Guid? applicationId, int? skip, int? take, ClaimsPrincipal user, ListPaymentOrders list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new ListPaymentOrdersRequest(status, applicationId, skip, take), ActorOf.User(user), ct)))
            .WithSummary("Payment orders, newest first; status = awaiting-approval | approved | sent | paid | rejected");

        ledger.MapGet("/payment-orders/{id:guid}", async (Guid id, ClaimsPrincipal user, ListPaymentOrders list, CancellationToken ct) =>
                TypedResults.Ok(await list.GetAsync(id, ActorOf.User(user), ct)))
            .WithSummary("One payment order, with the bank's reason if it was rejected");

        ledger.MapPost("/payment-orders/{id:guid}/approve", async (Guid id, ClaimsPrincipal user, ApprovePaymentOrder approve, CancellationToken ct) =>
                TypedResults.Ok(await approve.HandleAsync(id, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Finance))
            .WithSummary("Approve a payment order (finance; not someone who applied, reviewed or approved the project): it goes to the treasury once");

        ledger.MapGet("/budgets", async (int? year, ListBudgets list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(year, ct)))
            .WithSummary("Budget usage per scheme and year (integer fen)");

        ledger.MapGet("/budgets/{schemeKey}/{year:int}", async (string schemeKey, int year, ListBudgets list, CancellationToken ct) =>
                TypedResults.Ok(await list.GetAsync(schemeKey, year, ct)))
            .WithSummary("One scheme-year's budget usage");

        ledger.MapPut("/budgets/{schemeKey}/{year:int}", async (string schemeKey, int year, SetBudgetRequest request, ClaimsPrincipal user, SetBudget set, CancellationToken ct) =>
                TypedResults.Ok(await set.HandleAsync(schemeKey, year, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Set a scheme-year's budget to a total, with a reason (admin); never below what is reserved or paid");

        ledger.MapPost("/budgets/{schemeKey}/{year:int}/raise", async (string schemeKey, int year, RaiseBudgetRequest request, ClaimsPrincipal user, RaiseBudget raise, CancellationToken ct) =>
                TypedResults.Ok(await raise.HandleAsync(schemeKey, year, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Raise a scheme-year's budget by an amount, with a reason (admin)");

        ledger.MapGet("/views/payments-due", async (ClaimsPrincipal user, LedgerViews views, CancellationToken ct) => TypedResults.Ok(await views.PaymentsDueThisWeekAsync(ActorOf.User(user), ct)))
            .WithSummary("Payments due this week: orders waiting for approval (or re-approval after a rejection)");
        ledger.MapGet("/views/payments-in-flight", async (ClaimsPrincipal user, LedgerViews views, CancellationToken ct) => TypedResults.Ok(await views.PaymentsInFlightAsync(ActorOf.User(user), ct)))
            .WithSummary("Payments in flight: approved or at the treasury, no answer from the bank yet");
        ledger.MapGet("/recoveries", async (LedgerViews views, CancellationToken ct) => TypedResults.Ok(await views.RecoveriesOutstandingAsync(ct)))
            .WithSummary("Recoveries outstanding: claimed back, not yet received");

        ledger.MapPost("/recoveries/{id:guid}/received", async (Guid id, ClaimsPrincipal user, ReceiveRecovery receive, CancellationToken ct) =>
                TypedResults.Ok(await receive.HandleAsync(id, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Finance))
            .WithSummary("Record a recovery's money as received (finance); it returns to the budget or the treasury per the rule set");

        ledger.MapGet("/exports/{view}.xlsx", async (string view, ClaimsPrincipal user, ExportLedgerView export, CancellationToken ct) =>
                TypedResults.File(await export.HandleAsync(view, ActorOf.User(user), ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{view}.xlsx"))
            .WithSummary("One view as an Excel workbook: budgets, payments-due, payments-in-flight or recoveries-outstanding");

        ledger.MapGet("/entries", async (long? budgetId, Guid? applicationId, int? skip, int? take, ListLedgerEntries list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(budgetId, applicationId, skip, take, ct)))
            .WithSummary("Ledger entries with their postings, newest first, by budget or project");

        ledger.MapPost("/entries/{id:long}/reverse", async (long id, ReverseEntryRequest request, ClaimsPrincipal user, ReverseLedgerEntry reverse, CancellationToken ct) =>
                TypedResults.Ok(await reverse.HandleAsync(id, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin))
            .WithSummary("Correct an entry with a reversing entry and a reason (finance, admin); entries are never edited");

        ledger.MapPost("/reconciliations", async (ReconcileLedger reconcile, CancellationToken ct) => TypedResults.Ok(await reconcile.HandleAsync(ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin))
            .WithSummary("Reconcile the ledger now (it also runs as the scheduled check ledger-reconciliation); answers what it found");

        return api;
    }
}
