using MiniExcelLibs;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// Exports one of the finance views to an Excel workbook (MiniExcel): budgets, payments-due, payments-in-flight
/// or recoveries-outstanding. Amounts appear both as integer fen (exact) and as yuan for reading.
/// </summary>
public sealed class ExportLedgerView(ListBudgets budgets, LedgerViews views)
{
    public static readonly IReadOnlyList<string> Views = ["budgets", "payments-due", "payments-in-flight", "recoveries-outstanding"];

    public async Task<byte[]> HandleAsync(string view, Engine.Runtime.Actor viewer, CancellationToken cancellationToken)
    {
        IEnumerable<Dictionary<string, object?>> rows = view switch
        {
            "budgets" => (await budgets.HandleAsync(null, cancellationToken)).Select(b => new Dictionary<string, object?>
            {
                ["Scheme 专项"] = b.SchemeKey, ["Year 年度"] = b.Year,
                ["Allocated (fen) 预算"] = b.AllocatedFen, ["Reserved (fen) 已预留"] = b.ReservedFen, ["Paid (fen) 已拨付"] = b.PaidFen,
                ["Recovery due (fen) 待追回"] = b.RecoveryDueFen, ["Returned to treasury (fen) 已缴库"] = b.ReturnedToTreasuryFen,
                ["Available (fen) 可用"] = b.AvailableFen, ["Available (yuan) 可用(元)"] = new Money(b.AvailableFen).Yuan, ["Used % 使用率"] = b.UsedPercent,
            }),
            "payments-due" => Orders(await views.PaymentsDueThisWeekAsync(viewer, cancellationToken)),
            "payments-in-flight" => Orders(await views.PaymentsInFlightAsync(viewer, cancellationToken)),
            "recoveries-outstanding" => (await views.RecoveriesOutstandingAsync(cancellationToken)).Select(r => new Dictionary<string, object?>
            {
                ["Application 项目编号"] = r.ApplicationNumber, ["Amount (fen) 金额(分)"] = r.AmountFen, ["Amount (yuan) 金额(元)"] = new Money(r.AmountFen).Yuan,
                ["Reason 原因"] = r.Reason, ["Opened 立案时间"] = r.OpenedAt.UtcDateTime,
            }),
            _ => throw InvalidRequestException.For("view", $"Export one of: {string.Join(", ", Views)}.", $"可导出的视图为：{string.Join("、", Views)}。"),
        };
        var sheet = rows.ToList();
        using var stream = new MemoryStream();
        // An empty view still gives a workbook with its header row.
        await stream.SaveAsAsync(sheet.Count > 0 ? sheet : [Header(view)], sheetName: view, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static IEnumerable<Dictionary<string, object?>> Orders(IEnumerable<PaymentOrderView> orders) => orders.Select(o => new Dictionary<string, object?>
    {
        ["Application 项目编号"] = o.ApplicationNumber, ["Installment 期次"] = o.InstallmentNumber,
        ["Amount (fen) 金额(分)"] = o.AmountFen, ["Amount (yuan) 金额(元)"] = new Money(o.AmountFen).Yuan,
        ["Payee 收款人"] = o.Payee, ["Account 账号"] = o.PayeeAccount, ["Status 状态"] = o.Status, ["Attempt 次数"] = o.Attempt,
        ["Approved by 审核人"] = o.ApprovedBy, ["Bank's reason 退票原因"] = o.RejectionReason, ["Due 应付日"] = (o.DueOn ?? o.CreatedAt).UtcDateTime,
    });

    private static Dictionary<string, object?> Header(string view) => new() { [$"No rows in {view} 无数据"] = null };
}
