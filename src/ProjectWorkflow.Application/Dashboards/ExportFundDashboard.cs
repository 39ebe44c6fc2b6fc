using MiniExcelLibs;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Dashboards;

/// <summary>
/// The fund dashboard's tables as one Excel workbook (MiniExcel), a sheet per chart: applications, review times,
/// budgets, plan. Money both as integer fen (exact) and as yuan for reading, headers in Chinese and English.
/// </summary>
public sealed class ExportFundDashboard(ReadFundDashboard read)
{
    public async Task<byte[]> HandleAsync(CancellationToken cancellationToken)
    {
        var dashboard = await read.HandleAsync(cancellationToken);
        var sheets = new Dictionary<string, object>
        {
            ["applications"] = OrHeader(dashboard.Applications.Select(a => new Dictionary<string, object?>
            {
                ["Scheme 专项"] = a.SchemeKey, ["Status 状态"] = a.Status, ["Applications 申报数"] = a.Applications,
            }), "applications"),
            ["review-times"] = OrHeader(dashboard.StageTimes.Select(s => new Dictionary<string, object?>
            {
                ["Process 流程"] = s.ProcessKey, ["Step 环节"] = s.ElementId, ["Name 名称"] = s.Name, ["Finished 已办"] = s.Finished,
                ["Median hours 中位用时(小时)"] = s.MedianHours, ["P90 hours 90%用时(小时)"] = s.P90Hours,
                ["Allowed hours (median) 时限(小时)"] = s.MedianAllowedHours, ["Finished late 超期办结"] = s.FinishedLate,
                ["Waiting now 在办"] = s.WaitingNow, ["Overdue now 已超期"] = s.OverdueNow,
            }), "review-times"),
            ["budgets"] = OrHeader(dashboard.Budgets.Select(b => new Dictionary<string, object?>
            {
                ["Kind 类别"] = b.Kind, ["Scheme 专项"] = b.OwnerKey, ["Year 年度"] = b.Year,
                ["Allocated (fen) 预算(分)"] = b.AllocatedFen, ["Reserved (fen) 已预留(分)"] = b.ReservedFen, ["Paid (fen) 已拨付(分)"] = b.PaidFen,
                ["Recovery due (fen) 待追回(分)"] = b.RecoveryDueFen, ["Returned to treasury (fen) 已缴库(分)"] = b.ReturnedToTreasuryFen,
                ["Available (fen) 可用(分)"] = b.AvailableFen, ["Available (yuan) 可用(元)"] = new Money(b.AvailableFen).Yuan,
            }), "budgets"),
            ["plan"] = OrHeader(dashboard.Plan.Select(p => new Dictionary<string, object?>
            {
                ["Target 目标"] = p.LabelZh + " / " + p.LabelEn, ["Group 类别"] = p.Group, ["Unit 单位"] = p.Unit,
                ["Target value 目标值"] = p.Target, ["Target (words) 目标(文字)"] = p.TargetTextZh, ["Year 年份"] = p.TargetYear,
                ["Promised 承诺"] = p.Promised, ["Reached 完成"] = p.Reached,
            }), "plan"),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static object OrHeader(IEnumerable<Dictionary<string, object?>> rows, string sheet)
    {
        var list = rows.ToList();
        return list.Count > 0 ? list : new List<Dictionary<string, object?>> { new() { [$"No rows in {sheet} 无数据"] = null } };
    }
}
