namespace ProjectWorkflow.Application.Notifications;

/// <summary>Who a notification is for: one user, or every member of a group (role).</summary>
public readonly record struct Recipient(string Name, bool IsGroup)
{
    public static Recipient User(string name) => new(name, false);

    public static Recipient Group(string name) => new(name, true);
}
