using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Web.Account;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Workflows;
using static ProjectWorkflow.Web.Account.PortalPage;

namespace ProjectWorkflow.Web.Finance;

/// <summary>
/// The finance officers' page of the portal (财务工作台): budget usage per scheme and year, payments due this
/// week with the button that approves each one, payments in flight, recoveries outstanding with the button that
/// records the money back — each list exportable to Excel. Administrators and auditors read it; only finance
/// officers press the buttons. Everything it shows and does goes through the ledger's use cases.
/// </summary>
public static class FinanceDesk
{
    private static readonly string[] Readers = [Roles.Finance, Roles.Admin, Roles.Auditor];

    public static IEndpointRouteBuilder MapFinanceDesk(this IEndpointRouteBuilder app)
    {
        // Its buttons are state-changing posts: ForgedRequestCheck validates their antiforgery token and origin.
        var desk = app.MapGroup("/finance").RequireAuthorization().ExcludeFromDescription();
        desk.MapGet("/", async (HttpContext http, IAntiforgery antiforgery, ClaimsPrincipal user, ListBudgets budgets, LedgerViews views, CancellationToken ct) =>
            await PageAsync(http, antiforgery, user, budgets, views, http.Request.Query["done"], null, ct));

        desk.MapPost("/payment-orders/{id:guid}/approve", (Guid id, HttpContext http, IAntiforgery antiforgery, ClaimsPrincipal user,
                ApprovePaymentOrder approve, ListBudgets budgets, LedgerViews views, CancellationToken ct) =>
            ActAsync(http, antiforgery, user, budgets, views, ct, async actor =>
            {
                var order = await approve.HandleAsync(id, actor, ct);
                if (order.HoldReason is { } held) return $"已批准 {order.ApplicationNumber} 第{order.InstallmentNumber}期，但已暂停支付。 Approved, but held: {held}";
                return $"已批准 {order.ApplicationNumber} 第{order.InstallmentNumber}期 {new Money(order.AmountFen)}，已发送国库。 Approved: sent to the treasury.";
            }));

        desk.MapPost("/recoveries/{id:guid}/received", (Guid id, HttpContext http, IAntiforgery antiforgery, ClaimsPrincipal user,
                ReceiveRecovery receive, ListBudgets budgets, LedgerViews views, CancellationToken ct) =>
            ActAsync(http, antiforgery, user, budgets, views, ct, async actor =>
            {
                var recovery = await receive.HandleAsync(id, actor, ct);
                return $"已登记 {recovery.ApplicationNumber} 追回款 {new Money(recovery.AmountFen)} 到账。 Recovery recorded as received.";
            }));
        return app;
    }

    /// <summary>Runs a finance officer's button; a refusal is shown on the page in words, never as a crash.</summary>
    private static async Task<IResult> ActAsync(HttpContext http, IAntiforgery antiforgery, ClaimsPrincipal user, ListBudgets budgets,
        LedgerViews views, CancellationToken ct, Func<Actor, Task<string>> act)
    {
        if (!user.IsInRole(Roles.Finance))
            return Render("财务工作台 Finance desk", """<p class="error" role="alert">只有财务人员可以操作。 Only finance officers can do this.</p>""", StatusCodes.Status403Forbidden);
        string done;
        try
        {
            done = await act(ActorOf.User(user));
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            return await PageAsync(http, antiforgery, user, budgets, views, null, (problem.Detail ?? problem.Title ?? "", problem.Status!.Value), ct);
        }
        // Post/redirect/get: a reload does not press the button again (and the use cases refuse a second press anyway).
        return Results.LocalRedirect($"/finance?done={Uri.EscapeDataString(done)}");
    }

    private static async Task<IResult> PageAsync(HttpContext http, IAntiforgery antiforgery, ClaimsPrincipal user, ListBudgets budgets,
        LedgerViews views, string? done, (string Message, int Status)? refused, CancellationToken ct)
    {
        if (!Readers.Any(user.IsInRole))
            return Render("财务工作台 Finance desk", """<p class="error" role="alert">本页面仅对财务、管理员和审计人员开放。 This page is for finance officers, administrators and auditors.</p>""", StatusCodes.Status403Forbidden);

        var canAct = user.IsInRole(Roles.Finance);
        // Account numbers in full only for finance officers, who act on the orders; administrators and auditors read them masked.
        var viewer = ActorOf.User(user);
        var token = antiforgery.GetAndStoreTokens(http);
        var html = new StringBuilder();
        if (refused is { } r) html.Append($"""<p class="error" role="alert">{Encode(r.Message)}</p>""");
        else if (!string.IsNullOrWhiteSpace(done)) html.Append($"""<p class="notice" role="status">{Encode(done)}</p>""");

        html.Append(Section("预算使用 Budget usage", "budgets"));
        html.Append("<table aria-label=\"Budget usage\"><tr><th>专项 Scheme</th><th>年度 Year</th><th>预算 Allocated</th><th>已预留 Reserved</th><th>已拨付 Paid</th><th>待追回 Recovery due</th><th>可用 Available</th><th>使用率 Used</th></tr>");
        foreach (var b in await budgets.HandleAsync(null, ct))
            html.Append($"<tr><td>{Encode(b.SchemeKey)}</td><td>{b.Year}</td>{Fen(b.AllocatedFen)}{Fen(b.ReservedFen)}{Fen(b.PaidFen)}{Fen(b.RecoveryDueFen)}{Fen(b.AvailableFen)}<td>{b.UsedPercent:0.##}%</td></tr>");
        html.Append("</table>");

        html.Append(Section("本周应付 Payments due this week", "payments-due"));
        html.Append(Orders("Payments due this week", await views.PaymentsDueThisWeekAsync(viewer, ct), order => canAct
            ? Button($"/finance/payment-orders/{order.Id}/approve", token, $"批准拨付 Approve {order.ApplicationNumber} #{order.InstallmentNumber}")
            : ""));

        html.Append(Section("在途支付 Payments in flight", "payments-in-flight"));
        html.Append(Orders("Payments in flight", await views.PaymentsInFlightAsync(viewer, ct), _ => ""));

        html.Append(Section("待追回 Recoveries outstanding", "recoveries-outstanding"));
        html.Append("<table aria-label=\"Recoveries outstanding\"><tr><th>项目 Application</th><th>金额 Amount</th><th>原因 Reason</th><th>立案 Opened</th><th></th></tr>");
        foreach (var recovery in await views.RecoveriesOutstandingAsync(ct))
            html.Append($"<tr><td>{Encode(recovery.ApplicationNumber)}</td>{Fen(recovery.AmountFen)}<td>{Encode(recovery.Reason)}</td><td>{Day(recovery.OpenedAt)}</td><td>{(canAct ? Button($"/finance/recoveries/{recovery.Id}/received", token, $"已收回 Received {recovery.ApplicationNumber}") : "")}</td></tr>");
        html.Append("</table>");
        html.Append(await VoucherSettlementsPanel.HtmlAsync(http.RequestServices.GetRequiredService<ProjectWorkflow.Application.Vouchers.VoucherSettlementDesk>(), ct));
        html.Append("""<p><a href="/">Home</a> · <a href="/scalar">API reference</a></p>""");
        return Render("财务工作台 Finance desk", html.ToString(), refused?.Status ?? StatusCodes.Status200OK, wide: true);
    }

    private static string Section(string title, string view) =>
        $"""<h2>{Encode(title)}</h2><p><a href="/api/ledger/exports/{view}.xlsx" download>导出 Excel · Export to Excel</a></p>""";

    private static string Orders(string label, IReadOnlyList<PaymentOrderView> orders, Func<PaymentOrderView, string> action)
    {
        var html = new StringBuilder($"<table aria-label=\"{Encode(label)}\"><tr><th>项目 Application</th><th>期次 Installment</th><th>金额 Amount</th><th>收款人 Payee</th><th>状态 Status</th><th>应付 Due</th><th>退票原因 Bank's reason</th><th></th></tr>");
        foreach (var o in orders)
            html.Append($"<tr><td>{Encode(o.ApplicationNumber)}</td><td>{o.InstallmentNumber}</td>{Fen(o.AmountFen)}<td>{Encode(o.Payee)}<br><small>{Encode(o.PayeeAccount)}</small></td><td>{Encode(o.Status)}</td><td>{Day(o.DueOn ?? o.CreatedAt)}</td><td>{Encode(o.RejectionReason)}</td><td>{action(o)}</td></tr>");
        return html.Append("</table>").ToString();
    }

    private static string Button(string action, AntiforgeryTokenSet token, string label) =>
        $"""<form method="post" action="{Encode(action)}"><input type="hidden" name="{Encode(token.FormFieldName)}" value="{Encode(token.RequestToken)}"><button type="submit">{Encode(label)}</button></form>""";

    private static string Fen(long fen) => $"""<td class="money">{Encode(new Money(fen).ToString())}</td>""";

    private static string Day(DateTimeOffset at) => Encode(ShanghaiDate.Of(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
