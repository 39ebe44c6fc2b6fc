using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// One line of an application's timeline. <c>event</c> is <c>submitted</c>, <c>stage</c> (a step of the review
/// or the project, from <c>at</c> to <c>finishedAt</c>), <c>returned-for-supplement</c> (with the reason and the
/// deadline), <c>in-public-notice</c> (until the end of the notice), <c>approved</c> (the amount), <c>rejected</c>
/// (with the reason), <c>installment-paid</c> (number and amount), <c>interest-evidence-filed</c> (the loan interest
/// paid as the amount, with <c>periodFrom</c>, <c>periodTo</c> and <c>lender</c>), or <c>ended</c> (the outcome). <c>textZh</c> and
/// <c>textEn</c> say the line as a plain sentence to the applicant ("Installment 1 of ¥5,000,000.00 paid on 2026-03-02.").
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At, string Event, string? Step = null, string? StepName = null, DateTimeOffset? FinishedAt = null,
    string? Reason = null, DateTimeOffset? Until = null, int? Installment = null, long? AmountFen = null, string? Outcome = null,
    string? TextZh = null, string? TextEn = null, DateOnly? PeriodFrom = null, DateOnly? PeriodTo = null, string? Lender = null);

public sealed record ApplicationTimelineView(Guid Id, string Number, string Status, string? Stage, string? Outcome, IReadOnlyList<TimelineEntry> Entries);

/// <summary>
/// What the applicant reads about its application's way through the process: the stages and their dates, the
/// outcome, and the reasons addressed to it (why it was returned for supplement and by when, why it was rejected,
/// when the public notice ends, each installment paid). Never who reviewed it, scores, or internal comments: the
/// raw process record (<c>/api/instances</c>) is the fund's. Reviewers address a reason to the applicant in the
/// process variables <c>returnReason</c> (a return for supplement) and <c>rejectionReason</c> (a rejection).
/// </summary>
public sealed class ApplicationTimeline(ProjectWorkflowDbContext db, ApplicationAccess access, DefinitionCatalog catalog)
{
    public const string ReturnReasonVariable = "returnReason";
    public const string RejectionReasonVariable = "rejectionReason";

    public async Task<ApplicationTimelineView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.ApplicantOrStaffAsync(id, actor, cancellationToken);
        var entries = new List<TimelineEntry>();
        if (application.SubmittedAt is { } submittedAt) entries.Add(new TimelineEntry(submittedAt, "submitted"));
        string? outcome = null;

        var instance = application.InstanceId is { } instanceId
            ? await db.Set<InstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            : null;
        if (instance is not null)
        {
            var definition = await catalog.FindAsync(db, instance.DefinitionId, cancellationToken);
            var variables = JsonSerializer.Deserialize<ProcessInstance>(instance.State, RuntimeJson.Options)!.Variables;
            var journal = await db.Set<JournalRecord>().AsNoTracking().Where(j => j.InstanceId == instance.Id)
                .OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
            string? NameOf(string elementId) => definition?.Process.NodesById.GetValueOrDefault(elementId)?.Name ?? elementId;
            var open = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in journal)
            {
                switch (line.Kind, line.Event, line.ElementId)
                {
                    case ("userTask", "taskCreated", var step):
                        // A panel opens one task per expert: one stage for all of them.
                        if (!open.ContainsKey(step) || entries[open[step]].FinishedAt is not null)
                        {
                            open[step] = entries.Count;
                            entries.Add(new TimelineEntry(line.At, "stage", step, NameOf(step)));
                        }
                        break;
                    case ("userTask", "completed", var step) when open.TryGetValue(step, out var at):
                        entries[at] = entries[at] with { FinishedAt = line.At };
                        break;
                    case (_, "left", "returnForSupplement"):
                        entries.Add(new TimelineEntry(line.At, "returned-for-supplement", Reason: Text(variables, ReturnReasonVariable),
                            Until: Date(variables, "supplementDueAt")));
                        break;
                    case (_, "left", "publishNotice"):
                        entries.Add(new TimelineEntry(line.At, "in-public-notice", Until: Date(variables, "noticeEndsAt")));
                        break;
                    case (_, "left", "approve"):
                        entries.Add(new TimelineEntry(line.At, "approved", AmountFen: application.ApprovedAmountFen));
                        break;
                    case (_, "left", "reject" or "lapse"):
                        entries.Add(new TimelineEntry(line.At, "rejected", Reason: Text(variables, RejectionReasonVariable)));
                        break;
                    case ("endEvent", "left", var end) when definition?.Process.NodesById.GetValueOrDefault(end)?.Scope is ProcessModel:
                        outcome = NameOf(end);
                        entries.Add(new TimelineEntry(line.At, "ended", Outcome: outcome));
                        break;
                    case ("process", "terminated" or "cancelled", _):
                        outcome = line.Event;
                        // A termination is a decision on the file and its reason is the applicant's to read; a withdrawal's is its own.
                        entries.Add(new TimelineEntry(line.At, "ended", Outcome: outcome,
                            Reason: line.Event == "terminated" || application.Status == ApplicationStatus.Withdrawn ? line.Detail : null));
                        break;
                }
            }
        }

        var paid = await db.Set<Funding.Ledger.PaymentOrder>().AsNoTracking()
            .Where(o => o.ApplicationId == application.Id && o.PaidAt != null).ToListAsync(cancellationToken);
        entries.AddRange(paid.Select(o => new TimelineEntry(o.PaidAt!.Value, "installment-paid", Installment: o.InstallmentNumber, AmountFen: o.AmountFen)));
        // The loan-interest instrument pays on evidence of interest paid: each statement filed is a line of its own.
        var evidence = await db.Set<Funding.Projects.InterestEvidence>().AsNoTracking()
            .Where(e => e.ApplicationId == application.Id).ToListAsync(cancellationToken);
        entries.AddRange(evidence.Select(e => new TimelineEntry(e.FiledAt, "interest-evidence-filed", AmountFen: e.InterestPaidFen,
            PeriodFrom: e.PeriodFrom, PeriodTo: e.PeriodTo, Lender: e.Lender)));

        return new ApplicationTimelineView(application.Id, application.Number, ApplicationStatusText.Of(application.Status), application.Stage, outcome,
            entries.OrderBy(e => e.At).Select(Said).ToList());
    }

    /// <summary>The line as a sentence to the applicant, zh and en; dates are Shanghai days.</summary>
    private static TimelineEntry Said(TimelineEntry e)
    {
        static string Day(DateTimeOffset at) => Funding.Calendar.ShanghaiDate.Of(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Yuan(long? fen) => "¥" + ((fen ?? 0) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
        // A deadline or notice "until" is the first moment after its last day: the day before is the one to name.
        static string Period(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        static string LastDay(DateTimeOffset? until) => until is { } u ? Day(u.AddTicks(-1)) : "—";
        var reason = e.Reason is null ? "" : $" {e.Reason}";
        (string Zh, string En) text = e.Event switch
        {
            "submitted" => ($"{Day(e.At)} 提交申报。", $"Submitted on {Day(e.At)}."),
            "stage" when e.FinishedAt is { } done => ($"{e.StepName}：{Day(e.At)} 至 {Day(done)}。", $"{e.StepName}: {Day(e.At)} to {Day(done)}."),
            "stage" => ($"{e.StepName}：自 {Day(e.At)} 起进行中。", $"{e.StepName}: under way since {Day(e.At)}."),
            "returned-for-supplement" => ($"{Day(e.At)} 退回补正，请于 {LastDay(e.Until)} 前补正。{e.Reason}", $"Returned for supplement on {Day(e.At)}; supplement by {LastDay(e.Until)}.{reason}"),
            "in-public-notice" => ($"{Day(e.At)} 起公示，公示期至 {LastDay(e.Until)}。", $"In public notice from {Day(e.At)} until the end of {LastDay(e.Until)}."),
            "approved" => ($"{Day(e.At)} 批准，资助金额 {Yuan(e.AmountFen)}。", $"Approved on {Day(e.At)}: {Yuan(e.AmountFen)}."),
            "rejected" => ($"{Day(e.At)} 未获支持。{e.Reason}", $"Not supported ({Day(e.At)}).{reason}"),
            "interest-evidence-filed" =>
                ($"{Day(e.At)} 提交付息凭证：{Period(e.PeriodFrom)} 至 {Period(e.PeriodTo)} 向{e.Lender}支付贷款利息 {Yuan(e.AmountFen)}。",
                 $"Evidence of interest filed on {Day(e.At)}: {Yuan(e.AmountFen)} of loan interest paid to {e.Lender} for {Period(e.PeriodFrom)} to {Period(e.PeriodTo)}."),
            "installment-paid" => ($"第 {e.Installment} 笔资金 {Yuan(e.AmountFen)} 已于 {Day(e.At)} 拨付。", $"Installment {e.Installment} of {Yuan(e.AmountFen)} paid on {Day(e.At)}."),
            "ended" when e.Outcome == "cancelled" => ($"{Day(e.At)} 已撤回。", $"Withdrawn on {Day(e.At)}."),
            "ended" when e.Outcome == "terminated" => ($"{Day(e.At)} 项目终止。{e.Reason}", $"Ended by the department on {Day(e.At)}.{reason}"),
            "ended" => ($"{Day(e.At)} 办结：{e.Outcome}。", $"Concluded on {Day(e.At)}: {e.Outcome}."),
            _ => ($"{Day(e.At)} {e.Event}", $"{Day(e.At)} {e.Event}"),
        };
        return e with { TextZh = text.Zh, TextEn = text.En };
    }

    private static string? Text(JsonObject variables, string name) =>
        variables[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static DateTimeOffset? Date(JsonObject variables, string name) =>
        Text(variables, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
