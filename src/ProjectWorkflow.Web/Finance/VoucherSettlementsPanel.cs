using System.Globalization;
using System.Text;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;
using static ProjectWorkflow.Web.Account.PortalPage;

namespace ProjectWorkflow.Web.Finance;

/// <summary>
/// The finance desk's voucher piece (创新券结算): settlements due, in flight and paid, each with its Excel export, built
/// from the <see cref="VoucherSettlementDesk"/> query alone so it moves with the page as one block. A settlement is
/// released with POST /api/vouchers/settlements/{id}/release.
/// </summary>
public static class VoucherSettlementsPanel
{
    private static readonly (string View, string Title)[] Views =
    [
        ("voucher-settlements-due", "创新券结算待审核 Voucher settlements due"),
        ("voucher-settlements-in-flight", "创新券结算在途 Voucher settlements in flight"),
        ("voucher-settlements-paid", "创新券结算已拨付 Voucher settlements paid"),
    ];

    public static async Task<string> HtmlAsync(VoucherSettlementDesk desk, CancellationToken cancellationToken)
    {
        var html = new StringBuilder();
        foreach (var (view, title) in Views)
        {
            html.Append($"""<h2>{Encode(title)}</h2><p><a href="/api/vouchers/exports/{view}.xlsx" download>导出 Excel · Export to Excel</a></p>""");
            html.Append($"<table aria-label=\"{Encode(title)}\"><tr><th>服务机构 Provider</th><th>券种 Scheme</th><th>周期 Cycle</th><th>笔数 Claims</th><th>金额 Amount</th><th>状态 Status</th><th>生成 Opened</th><th>退票原因 Bank's reason</th></tr>");
            foreach (var s in await desk.ViewAsync(view, cancellationToken))
                html.Append($"""<tr><td>{Encode(s.ProviderName)}</td><td>{Encode(s.SchemeKey)}</td><td>{Encode(s.Cycle)}</td><td>{s.ClaimCount}</td><td class="money">{Encode(new Money(s.AmountFen).ToString())}</td><td>{Encode(s.Status)}</td><td>{Encode(ShanghaiDate.Of(s.OpenedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</td><td>{Encode(s.RejectionReason)}</td></tr>""");
            html.Append("</table>");
        }
        return html.ToString();
    }
}
