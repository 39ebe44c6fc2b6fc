using System.Text.Json;

namespace ProjectWorkflow.Application.Messaging;

/// <summary>How an outbox row holds its message: the type by name, the body as camelCase JSON.</summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Without the assembly version, so rows staged by the previous build still resolve after an upgrade.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Options);

    /// <summary>
    /// The message a row holds. Throws when its type is unknown to this build (a newer node staged it during a
    /// rolling upgrade): the row is retried later rather than dropped.
    /// </summary>
    public static (object Message, Type Type) Deserialize(string typeName, string body)
    {
        var type = System.Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"The message type '{typeName}' is not known to this build.");
        var message = JsonSerializer.Deserialize(body, type, Options)
            ?? throw new InvalidOperationException($"The body of a '{typeName}' message is empty.");
        return (message, type);
    }
}
