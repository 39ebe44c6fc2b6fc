using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// One check for every JSON body an endpoint binds, before the endpoint runs: the body is there (not
/// <c>null</c>), no list holds a <c>null</c> item, no text holds a NUL character, and every amount in fen
/// (a number property whose name ends in <c>Fen</c>) is within <see cref="Money.MaxFen"/>, and no text is longer
/// than <see cref="MaxTextLength"/> (names and keys: <see cref="MaxNameLength"/>). A refusal is a 400
/// problem naming each field (<c>invoiceNumbers[0]</c>, <c>support.capFen</c>), so use cases never meet a
/// null request or an amount that overflows. Lengths are checked against the columns when saving
/// (<see cref="Application.Persistence.ColumnLimits"/>).
/// </summary>
public static class RequestBodyCheck
{
    public static TBuilder WithRequestBodyCheck<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
            var parameter = context.MethodInfo.GetParameters().FirstOrDefault(p => IsJsonBody(p, services));
            if (parameter is null) return next;
            var index = parameter.Position;
            return async invocation =>
            {
                var errors = new List<FieldError>();
                var body = invocation.Arguments.Count > index ? invocation.Arguments[index] : null;
                if (body is null)
                    errors.Add(FieldError.Of("body", "Send the request's fields as a JSON object in the body (it was empty or null).", "请在请求体中以 JSON 对象提交各字段（本次请求体为空或为 null）。"));
                else
                    Visit(body, "", errors, depth: 0);
                return errors.Count > 0 ? ValidationErrors.Problem(errors.Take(20)) : await next(invocation);
            };
        });
        return builder;
    }

    /// <summary>The parameter minimal APIs bind from a JSON body: a class that is not a service, a framework type or a form/route/query value.</summary>
    private static bool IsJsonBody(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttributes().Any(a => a is IFromBodyMetadata)) return true;
        if (parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromQueryMetadata or IFromFormMetadata or IFromHeaderMetadata or IFromServiceMetadata))
            return false;
        if (!type.IsClass || type == typeof(string) || type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true
            || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return false;
        return services?.IsService(type) != true;
    }

    private const int MaxDepth = 32;

    private static void Visit(object? value, string path, List<FieldError> errors, int depth)
    {
        if (value is null || depth > MaxDepth || errors.Count >= 20) return;
        switch (value)
        {
            case string text:
                CheckText(text, path, errors);
                return;
            case JsonNode node:
                VisitJson(node, path, errors, depth);
                return;
            case JsonElement element:
                VisitJson(JsonSerializer.SerializeToNode(element), path, errors, depth);
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key?.ToString() ?? "";
                    var at = $"{path}.{key}";
                    if (key.Contains('\0') || key.Length > MaxNameLength)
                        errors.Add(FieldError.Of(Name(path), $"A key has at most {MaxNameLength} characters and no NUL character (\\u0000).", $"键名最多 {MaxNameLength} 个字符，且不能含 NUL 字符（\\u0000）。"));
                    if (entry.Value is null && !IsNullableValue(dictionary.GetType()))
                        errors.Add(FieldError.Of(Name(at), "This entry is empty (null): give it a value or leave it out.", "此项为空（null）：请填写值或删除此项。"));
                    else if (IsAmount(path) && entry.Value is long fen) CheckAmount(fen, at, errors);
                    else Visit(entry.Value, at, errors, depth + 1);
                }
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    var at = $"{path}[{i++}]";
                    if (item is null) errors.Add(FieldError.Of(Name(at), "This list has an empty (null) item: remove it or give a value.", "列表中有空项（null）：请删除该项或填写值。"));
                    else Visit(item, at, errors, depth + 1);
                }
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or DateTimeOffset or DateTime or Guid or TimeSpan or DateOnly) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null) continue;
            var at = path.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(property.Name) : $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            var propertyValue = property.GetValue(value);
            if (propertyValue is long fen && IsAmount(property.Name)) CheckAmount(fen, at, errors);
            else Visit(propertyValue, at, errors, depth + 1);
        }
    }

    private static void VisitJson(JsonNode? node, string path, List<FieldError> errors, int depth)
    {
        if (node is null || depth > MaxDepth || errors.Count >= 20) return;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key.Contains('\0') || key.Length > MaxNameLength)
                        errors.Add(FieldError.Of(Name(path), $"A name has at most {MaxNameLength} characters and no NUL character (\\u0000).", $"名称最多 {MaxNameLength} 个字符，且不能含 NUL 字符（\\u0000）。"));
                    VisitJson(child, path.Length == 0 ? key : $"{path}.{key}", errors, depth + 1);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) VisitJson(array[i], $"{path}[{i}]", errors, depth + 1);
                break;
            case JsonValue leaf when leaf.GetValueKind() == JsonValueKind.String:
                CheckText(leaf.GetValue<string>(), path, errors);
                break;
        }
    }

    /// <summary>
    /// No text in a request is longer than this, whatever the field (the longest free texts, summaries, take 8,000);
    /// a stored field is also held to its column's length when saved.
    /// </summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Names and keys (variable names, dictionary keys) are at most this long.</summary>
    public const int MaxNameLength = 255;

    private static void CheckText(string text, string path, List<FieldError> errors)
    {
        if (text.Contains('\0')) errors.Add(FieldError.Of(Name(path), "Text cannot contain the NUL character (\\u0000); remove it.", "文本不能含 NUL 字符（\\u0000），请删除。"));
        else if (text.Length > MaxTextLength)
            errors.Add(FieldError.Of(Name(path), $"A text in a request is at most {MaxTextLength:N0} characters long; {text.Length:N0} were sent.", $"请求中的文本最多 {MaxTextLength:N0} 个字符，本次提交了 {text.Length:N0} 个字符。"));
    }

    private static void CheckAmount(long fen, string path, List<FieldError> errors)
    {
        if (!Money.IsWithinLimit(fen))
            errors.Add(FieldError.Of(Name(path), $"An amount is at most {Money.MaxFen:N0} fen (10 trillion yuan) either way; {fen:N0} is out of range.", $"金额（正负）不能超过 {Money.MaxFen:N0} 分（10 万亿元）；{fen:N0} 分超出范围。"));
    }

    private static bool IsAmount(string name) =>
        name.EndsWith("Fen", StringComparison.OrdinalIgnoreCase);

    private static bool IsNullableValue(Type dictionaryType) =>
        dictionaryType.IsGenericType && dictionaryType.GetGenericArguments() is [_, var valueType] && Nullable.GetUnderlyingType(valueType) is not null;

    private static string Name(string path) => path.Length == 0 ? "body" : path;
}
