using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectWorkflow.Application.Schemes;

internal static class SchemeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
