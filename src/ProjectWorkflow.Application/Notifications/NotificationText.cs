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

/// <summary>A notification's words: the headline and the details, each in Chinese and in English, never one string holding both.</summary>
public sealed record NotificationWords(string Title, string TitleEn, string Body, string BodyZh);

/// <summary>
/// The headline (the inbox line and the e-mail subject) and the details, written once in Chinese and once in English:
/// the portal shows the reader's language, the e-mail is Chinese. Plain words, no markup: it is read in the portal, in a
/// mail program and in logs.
/// </summary>
public static class NotificationText
{

    public const int MaxMessageLength = 1000;

    public static NotificationWords Write(NotificationFacts facts)
    {
        var subject = facts.Kind is NotificationKinds.InstanceEnded ? facts.Process : facts.TaskName ?? facts.Process;
        var (chinese, english) = Headline(facts);
        return new NotificationWords(
            Title: $"{chinese}：{subject} — {facts.Reference}",
            TitleEn: $"{english}: {subject} — {facts.Reference}",
            Body: Details(facts, Labels.English),
            BodyZh: Details(facts, Labels.Chinese));
    }

    private sealed record Labels(string Process, string Reference, string Task, string Due, string Zone, string LastStep, string Outcome,
        string Message, string Next, string NextSeparator, string By, string System, string Colon)
    {
        public static readonly Labels Chinese = new("流程", "编号", "任务", "办理期限", "（北京时间）", "最后一步", "结果", "留言", "下一步", "、", "操作人", "系统", "：");
        public static readonly Labels English = new("Process", "Reference", "Task", "Due", " (Beijing time, UTC+8)", "Last step", "Outcome", "Message", "Next", ", ", "By", "system", ": ");
    }

    private static string Details(NotificationFacts facts, Labels say)
    {
        var body = new StringBuilder();
        void Line(string label, string value) => body.Append(label).Append(say.Colon).Append(value).Append('\n');
        Line(say.Process, facts.Process);
        Line(say.Reference, facts.Reference);
        if (facts.TaskName is not null && facts.Kind is not NotificationKinds.InstanceEnded)
            Line(say.Task, facts.TaskName);
        if (facts.DueAt is { } due)
            Line(say.Due, due.ToOffset(ShanghaiDate.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + say.Zone);
        if (facts.Kind is NotificationKinds.InstanceEnded && facts.TaskName is not null)
            Line(say.LastStep, facts.TaskName);
        if (facts.Outcome is not null)
            Line(say.Outcome, facts.Outcome);
        if (!string.IsNullOrWhiteSpace(facts.Message))
            Line(say.Message, Shorten(facts.Message.Trim()));
        if (facts.NextSteps is { Count: > 0 } next)
            Line(say.Next, string.Join(say.NextSeparator, next));
        // No actor: the reader is outside the fund's staff, who are not named to them.
        if (facts.Actor is not null)
            Line(say.By, facts.Actor == Actor.System.Id ? say.System : facts.Actor);
        return body.ToString();
    }

    /// <summary>
    /// The e-mail, in Chinese: the headline first (mail programs show the subject apart), the details, and a link into the
    /// portal when its address is configured (where the reader may switch to English).
    /// </summary>
    public static string MailBody(string title, string bodyZh, string? portalUrl, string link) =>
        string.IsNullOrWhiteSpace(portalUrl)
            ? $"{title}\n{bodyZh}"
            : $"{title}\n{bodyZh}\n打开：{portalUrl.TrimEnd('/')}{link}\n";

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
