namespace ProjectWorkflow.Application.Notifications;

/// <summary>The kinds of notification, as the API names them.</summary>
public static class NotificationKinds
{
    /// <summary>A task is waiting for the recipient (new, or passed on to the next signer).</summary>
    public const string TaskAssigned = "taskAssigned";
    public const string TaskDelegated = "taskDelegated";
    public const string TaskResolved = "taskResolved";
    public const string TaskTransferred = "taskTransferred";
    public const string SignerAdded = "signerAdded";

    /// <summary>A task came back to the recipient because a later step sent it back (退回).</summary>
    public const string TaskSentBack = "taskSentBack";
    public const string Reminded = "reminded";
    public const string Copied = "copied";

    /// <summary>Someone completed a step of a process the recipient started, applied in, or follows.</summary>
    public const string Decision = "decision";
    public const string InstanceEnded = "instanceEnded";
    public const string TaskUpdated = "taskUpdated";

    /// <summary>An application window opened or closed (a scheduled check, not a process).</summary>
    public const string ApplicationWindow = "applicationWindow";

    /// <summary>The daily audit verification found the log broken (to administrators).</summary>
    public const string AuditLogBroken = "auditLogBroken";

    /// <summary>A voucher quota granted, a claim redeemed or incomplete, a settlement paid (to the enterprise and the provider).</summary>
    public const string Voucher = "voucher";
    /// <summary>A year lacks a rule set, a budget or holiday data (to administrators, once per finding).</summary>
    public const string AdminWarning = "adminWarning";
}
