using MiniExcelLibs;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Dashboards;

/// <summary>
/// The fund dashboard's tables as one Excel workbook (MiniExcel), a sheet per chart: applications, review times,
/// budgets, plan, the plan's indicators (promised beside delivered). Money both as integer fen (exact) and as yuan for reading, headers in Chinese and English.
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
            ["indicators"] = OrHeader(dashboard.Plan.Where(p => p.Figure is not null).Select(p => new Dictionary<string, object?>
            {
                ["Key 编号"] = p.Key, ["Indicator 指标"] = p.LabelZh + " / " + p.LabelEn, ["Group 类别"] = p.Group,
                ["Target (words) 目标(文字)"] = p.TargetTextZh, ["Measure 口径"] = p.Measure, ["Figure 数据项"] = p.Figure, ["Per 除以"] = p.PerFigure,
                ["Unit 单位"] = p.ValueUnit, ["Promised (funded) 立项项目承诺"] = p.PromisedValue, ["Funded projects 立项项目数"] = p.ProjectsFunded,
                ["Promised (evaluated) 已评价项目承诺"] = p.PromisedByDeliveredValue, ["Delivered (evaluated) 已评价项目完成"] = p.DeliveredValue,
                ["Evaluated projects 已评价项目数"] = p.ProjectsDelivered, ["Delivered of promised % 完成占承诺%"] = p.DeliveredShare,
            }), "indicators"),
            ["vouchers"] = OrHeader(dashboard.Vouchers.Select(v => new Dictionary<string, object?>
            {
                ["Scheme 专项"] = v.SchemeKey, ["Year 年度"] = v.Year, ["Quotas 额度数"] = v.Quotas,
                ["Granted (fen) 已发放(分)"] = v.GrantedFen, ["Redeemed (fen) 已兑付(分)"] = v.RedeemedFen, ["Settled (fen) 已结算(分)"] = v.SettledFen,
                ["Granted (yuan) 已发放(元)"] = new Money(v.GrantedFen).Yuan,
            }), "vouchers"),
            ["burn-down"] = OrHeader(dashboard.BurnDowns.Select(b => new Dictionary<string, object?>
            {
                ["Kind 类别"] = b.Kind, ["Scheme 专项"] = b.OwnerKey, ["Year 年度"] = b.Year, ["Available (fen) 可用(分)"] = b.AvailableFen,
                ["Window (days) 观察期(天)"] = b.WindowDays, ["Drawn in window (fen) 期内支用(分)"] = b.DrawnInWindowFen,
                ["Pace (fen/day) 日均支用(分)"] = b.PaceFenPerDay, ["Band ± (fen/day) 波动±(分/天)"] = b.SpreadFenPerDay,
                ["Runs out 预计用尽"] = b.RunsOutOn?.ToString("yyyy-MM-dd"), ["Earliest 最早"] = b.EarliestOn?.ToString("yyyy-MM-dd"), ["Latest 最晚"] = b.LatestOn?.ToString("yyyy-MM-dd"),
            }), "burn-down"),
            ["returns"] = OrHeader(dashboard.Returns.Select(r => new Dictionary<string, object?>
            {
                ["Process 流程"] = r.ProcessKey, ["Step 环节"] = r.ElementId, ["Name 名称"] = r.Name, ["Returned 退回次数"] = r.Returned, ["Finished 已办"] = r.Finished,
            }), "returns"),
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
