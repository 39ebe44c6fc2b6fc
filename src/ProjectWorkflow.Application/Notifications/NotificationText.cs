using System.Globalization;
using System.Text;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>What a notification is about, in the words the recipient reads.</summary>
public sealed record NotificationFacts(
    string Kind,
    string Process,
    string Reference,
    string? TaskName,
    string? Actor,
    DateTimeOffset? DueAt = null,
    string? Message = null,
    IReadOnlyList<string>? NextSteps = null,
    InstanceStatus? EndStatus = null,
    string? Outcome = null);

/// <summary>
/// The headline in Chinese (the inbox line and the e-mail subject), then the same in English, then
/// the details. Plain words, no markup: it is read in the portal, in a mail program and in logs.
/// </summary>
public static class NotificationText
{

    public const int MaxMessageLength = 1000;

    public static (string Title, string Body) Write(NotificationFacts facts)
    {
        var subject = facts.Kind is NotificationKinds.InstanceEnded ? facts.Process : facts.TaskName ?? facts.Process;
        var (chinese, english) = Headline(facts);
        var title = $"{chinese}：{subject} — {facts.Reference}";

        var body = new StringBuilder();
        body.Append(english).Append(": ").Append(subject).Append(" — ").Append(facts.Reference).Append('\n');
        body.Append('\n');
        body.Append("流程 / Process: ").Append(facts.Process).Append('\n');
        body.Append("编号 / Reference: ").Append(facts.Reference).Append('\n');
        if (facts.TaskName is not null && facts.Kind is not NotificationKinds.InstanceEnded)
            body.Append("任务 / Task: ").Append(facts.TaskName).Append('\n');
        if (facts.DueAt is { } due)
            body.Append("办理期限 / Due: ")
                .Append(due.ToOffset(ShanghaiDate.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" (北京时间 / UTC+8)\n");
        if (facts.Kind is NotificationKinds.InstanceEnded && facts.TaskName is not null)
            body.Append("最后一步 / Last step: ").Append(facts.TaskName).Append('\n');
        if (facts.Outcome is not null)
            body.Append("结果 / Outcome: ").Append(facts.Outcome).Append('\n');
        if (!string.IsNullOrWhiteSpace(facts.Message))
            body.Append("留言 / Message: ").Append(Shorten(facts.Message.Trim())).Append('\n');
        if (facts.NextSteps is { Count: > 0 } next)
            body.Append("下一步 / Next: ").Append(string.Join("、", next)).Append('\n');
        // No actor: the reader is outside the fund's staff, who are not named to them.
        if (facts.Actor is not null)
            body.Append("操作人 / By: ").Append(facts.Actor == Actor.System.Id ? "系统 / system" : facts.Actor).Append('\n');
        return (title, body.ToString());
    }

    /// <summary>
    /// The e-mail says the same as the inbox, headline first (mail programs show the subject apart),
    /// with a link into the portal when its address is configured.
    /// </summary>
    public static string MailBody(string title, string body, string? portalUrl, string link) =>
        string.IsNullOrWhiteSpace(portalUrl)
            ? $"{title}\n{body}"
            : $"{title}\n{body}\n打开 / Open: {portalUrl.TrimEnd('/')}{link}\n";

    private static (string Chinese, string English) Headline(NotificationFacts facts) => facts.Kind switch
    {
        NotificationKinds.TaskAssigned => ("新的待办", "New task"),
        NotificationKinds.TaskDelegated => ("委派待办", "Delegated to you"),
        NotificationKinds.TaskResolved => ("委派已交回", "Handed back to you"),
        NotificationKinds.TaskTransferred => ("转办待办", "Transferred to you"),
        NotificationKinds.SignerAdded => ("加签待办", "Your signature is requested"),
        NotificationKinds.TaskSentBack => ("退回待办", "Sent back to you"),
        NotificationKinds.Reminded => ("催办", "Reminder"),
        NotificationKinds.Copied => ("抄送", "Copied to you"),
        NotificationKinds.Decision => ("已办理", "Done"),
        NotificationKinds.InstanceEnded => facts.EndStatus switch
        {
            InstanceStatus.Completed => ("流程已办结", "Process completed"),
            InstanceStatus.Terminated => ("流程已终止", "Process terminated"),
            InstanceStatus.Cancelled => ("流程已撤销", "Process cancelled"),
            _ => ("流程已结束", "Process ended"),
        },
        _ => ("待办有更新", "Task updated"),
    };

    private static string Shorten(string text) => text.Length > MaxMessageLength ? text[..MaxMessageLength] + "…" : text;
}
