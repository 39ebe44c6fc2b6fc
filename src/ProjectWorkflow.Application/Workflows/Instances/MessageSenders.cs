using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// <c>Messages:Senders</c>: for a message name that no use case drives, the roles that may deliver it through
/// <c>POST /api/messages</c> (e.g. <c>Messages:Senders:supplier.delivered:0 = admin</c>).
/// </summary>
public sealed class MessageSendersOptions
{
    public const string Section = "Messages";

    public Dictionary<string, string[]> Senders { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Who may deliver which message from outside, declared in one place. The names the system drives itself
/// (the bank's answer, a recovery order, a change request) are the system's alone: each comes only from
/// the consumer or use case that owns it, which checks its own rules, never from the generic route or the
/// generic bus queue. Any other name is delivered only by the roles configured for it; an undeclared name
/// is refused, so a new process's message is never open to everyone by accident.
/// </summary>
public sealed class MessageSenders(IOptionsMonitor<MessageSendersOptions> options)
{
    /// <summary>Message name → where it really comes from (said in the refusal, in English and in Chinese).</summary>
    public static readonly IReadOnlyDictionary<string, MessageSource> SystemOnly = new Dictionary<string, MessageSource>(StringComparer.Ordinal)
    {
        [PaymentSettledConsumer.MessageName] = new(
            "it is the bank's answer to a payment order and comes only from the treasury adapter",
            "该消息是银行对拨付单的回复，只能来自国库集中支付接口"),
        [OrderRecovery.Message] = new(
            "a recovery is ordered with POST /api/applications/{id}/recovery, which checks who may order it and what was paid",
            "追回须通过 POST /api/applications/{id}/recovery 发起，由其核查谁有权发起追回以及已拨付的金额"),
        [RequestChange.Message] = new(
            "the enterprise requests a change with POST /api/applications/{id}/change-requests, which checks its rules",
            "企业须通过 POST /api/applications/{id}/change-requests 提出变更申请，由其核查变更规则"),
        [FileInterestEvidence.Message] = new(
            "the enterprise files interest evidence with POST /api/applications/{id}/interest-evidence, which checks the project's support method",
            "企业须通过 POST /api/applications/{id}/interest-evidence 提交付息凭证，由其核查项目的支持方式"),
    };

    /// <summary>The roles that may deliver <paramref name="name"/> through the public route (none for a system name).</summary>
    public IReadOnlyCollection<string> RolesFor(string name) =>
        SystemOnly.ContainsKey(name) ? [] : options.CurrentValue.Senders.GetValueOrDefault(name) ?? [];

    /// <summary>Whether <paramref name="name"/> has a declaration at all (system-only or configured roles).</summary>
    public bool IsDeclared(string name) => SystemOnly.ContainsKey(name) || options.CurrentValue.Senders.ContainsKey(name);

    /// <summary>Refuses, with the reason, a delivery through the public route that the caller's roles do not allow.</summary>
    public void RefuseUnlessAllowed(string name, Actor actor)
    {
        if (SystemOnly.TryGetValue(name, out var source))
            throw WorkflowException.Forbidden($"The message '{name}' cannot be delivered through this route: {source.English}.",
                $"消息“{name}”不能通过此途径投递：{source.Chinese}。");
        var roles = RolesFor(name);
        if (roles.Count == 0)
            throw WorkflowException.Forbidden(
                $"No role is declared to deliver the message '{name}' through this route; an administrator declares its senders under Messages:Senders.",
                $"尚未声明可通过此途径投递消息“{name}”的角色；请管理员在 Messages:Senders 下声明其发送方。");
        if (!roles.Any(role => actor.Groups.Contains(role, StringComparer.Ordinal)))
            throw WorkflowException.Forbidden(
                $"The message '{name}' may be delivered only by {string.Join(", ", roles)}; you are not in any of those roles.",
                $"消息“{name}”只能由 {string.Join("、", roles)} 投递；您不属于其中任何角色。");
    }
}

/// <summary>Where a message the system drives itself really comes from: a clause ending a refusal, in English and in Chinese.</summary>
public sealed record MessageSource(string English, string Chinese);
