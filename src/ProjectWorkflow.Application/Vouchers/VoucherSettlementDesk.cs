using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// The finance desk's voucher settlements: due (waiting for release, or returned by the bank), in flight (released or
/// at the treasury), paid — each exportable to Excel (amounts in fen, exact, and yuan for reading).
/// </summary>
public sealed class VoucherSettlementDesk(ProjectWorkflowDbContext db)
{
    public static readonly IReadOnlyList<string> Views = ["voucher-settlements-due", "voucher-settlements-in-flight", "voucher-settlements-paid"];

    public async Task<IReadOnlyList<VoucherSettlementView>> ViewAsync(string view, CancellationToken cancellationToken)
    {
        VoucherSettlementStatus[] statuses = view switch
        {
            "voucher-settlements-due" => [VoucherSettlementStatus.Due, VoucherSettlementStatus.Rejected],
            "voucher-settlements-in-flight" => [VoucherSettlementStatus.Released, VoucherSettlementStatus.Sent],
            "voucher-settlements-paid" => [VoucherSettlementStatus.Paid],
            _ => throw InvalidRequestException.For("view", $"One of: {string.Join(", ", Views)}.", $"须为以下之一：{string.Join(", ", Views)}。"),
        };
        return (await db.Set<VoucherSettlement>().AsNoTracking().Where(s => statuses.Contains(s.Status))
                .OrderBy(s => s.OpenedAt).Take(500).ToListAsync(cancellationToken))
            .Select(VoucherSettlementView.Of).ToList();
    }

    public async Task<byte[]> ExportAsync(string view, CancellationToken cancellationToken)
    {
        var rows = (await ViewAsync(view, cancellationToken)).Select(s => new Dictionary<string, object?>
        {
            ["Provider 服务机构"] = s.ProviderName, ["Scheme 券种"] = s.SchemeKey, ["Cycle 结算周期"] = s.Cycle, ["Claims 笔数"] = s.ClaimCount,
            ["Amount (fen) 金额(分)"] = s.AmountFen, ["Amount (yuan) 金额(元)"] = new Money(s.AmountFen).Yuan, ["Status 状态"] = s.Status,
            ["Released by 审核人"] = s.ReleasedBy, ["Paid 拨付时间"] = s.PaidAt?.UtcDateTime, ["Bank reference 银行流水"] = s.BankReference,
            ["Bank's reason 退票原因"] = s.RejectionReason,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Count > 0 ? rows : [new Dictionary<string, object?> { [$"No rows in {view} 无数据"] = null }], sheetName: view, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
