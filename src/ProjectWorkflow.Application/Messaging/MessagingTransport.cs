using Microsoft.Extensions.Configuration;

namespace ProjectWorkflow.Application.Messaging;

/// <summary><c>Messaging:Transport</c>: <c>InMemory</c> (one process, the default) or <c>RabbitMQ</c> (several nodes).</summary>
public static class MessagingTransport
{
    public const string ConfigurationKey = "Messaging:Transport";
    public const string ConnectionStringName = "RabbitMQ";
    public const string InMemory = "InMemory";
    public const string RabbitMq = "RabbitMQ";

    public static string Of(IConfiguration configuration) => configuration[ConfigurationKey]?.Trim() switch
    {
        null or "" => InMemory,
        var t when t.Equals(InMemory, StringComparison.OrdinalIgnoreCase) => InMemory,
        var t when t.Equals(RabbitMq, StringComparison.OrdinalIgnoreCase) => RabbitMq,
        var t => throw new InvalidOperationException($"{ConfigurationKey} '{t}' is not supported. Use {InMemory} or {RabbitMq}."),
    };
}
