using MimeKit;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// The embedded run's "mail server": each message becomes <c>&lt;id&gt;.eml</c> in a folder, which any
/// mail program opens. Written under a temporary name and then renamed, so whoever watches the
/// folder never reads half a message; a retry overwrites the same file instead of adding another.
/// </summary>
public sealed class PickupDirectoryMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = FileName(message.MessageId);
        var path = Path.Combine(Directory, name + ".eml");
        var temporary = Path.Combine(Directory, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private static string FileName(string? messageId)
    {
        var local = string.Concat((messageId ?? "").Split('@')[0].Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        return local.Length > 0 ? local : Guid.NewGuid().ToString("N");
    }
}
