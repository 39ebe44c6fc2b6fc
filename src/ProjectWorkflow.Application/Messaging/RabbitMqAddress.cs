namespace ProjectWorkflow.Application.Messaging;

/// <summary>
/// <c>ConnectionStrings:RabbitMQ</c> as an AMQP URI, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>
/// (<c>amqps://</c> for TLS; the path is the virtual host, <c>/</c> when empty).
/// </summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string UserName, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"{MessagingTransport.ConfigurationKey} is {MessagingTransport.RabbitMq} but ConnectionStrings:{MessagingTransport.ConnectionStringName} is not set (e.g. amqp://guest:guest@127.0.0.1:5672/).");
        if (!Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new InvalidOperationException(
                $"ConnectionStrings:{MessagingTransport.ConnectionStringName} must be an amqp:// or amqps:// URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");

        var tls = uri.Scheme == "amqps";
        var user = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? (tls ? 5671 : 5672) : uri.Port),
            virtualHost.Length == 0 ? "/" : virtualHost,
            user[0].Length == 0 ? "guest" : Uri.UnescapeDataString(user[0]),
            user.Length == 2 ? Uri.UnescapeDataString(user[1]) : "guest",
            tls);
    }

    /// <summary>For logs: never the password.</summary>
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{UserName}@{Host}:{Port}/{(VirtualHost == "/" ? "" : VirtualHost)}";
}
