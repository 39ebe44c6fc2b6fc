using System.Collections;
using System.Data.Common;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using Xunit.Abstractions;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// The careless user and the attacker at every POST/PUT/PATCH/DELETE route of the app, as a caller the route
/// lets in (<see cref="RouteMatrix"/>): malformed JSON, <c>null</c>, <c>[]</c>, every field of the route's body
/// with the wrong type, 100,000 characters, a NUL character, extreme numbers (long.MaxValue, long.MinValue, -1,
/// 1e308), a list with a null item, and a body beyond the size limit. No answer may be a 5xx, every refusal is
/// problem+json, none of these is accepted, and the database (row counts and a hash of every table the model
/// maps, except the audit log, which records refusals by design) is the same after each route's attempts.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed class BadInputTests(SecurityApp app, ITestOutputHelper output)
{
    private static readonly string Overlong = new('x', 100_000);

    [Fact]
    public async Task Bad_input_at_every_changing_route_is_refused_as_a_problem_and_changes_nothing()
    {
        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, pattern, bodyType) in ChangingRoutes())
        {
            var route = $"{method} {pattern}";
            var row = RouteMatrix.Rows.FirstOrDefault(r => r.Route == route);
            Assert.True(row is not null, $"{route} has no line in the route matrix (RouteAccess.cs).");
            var role = RouteAccess.Roles.FirstOrDefault(row.Allows) ?? "expert";
            var client = app.Clients[RouteAccess.UserOf(role)];
            var address = RouteMatrixTests.Fill(pattern, app.Drafts);
            // A route that reads no body ignores what is sent: only its answers are judged, not whether it acts.
            var readsBody = bodyType is not null || pattern == "/api/definitions/";
            var isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);

            var before = await SnapshotAsync();
            foreach (var (name, content) in Payloads(bodyType))
            {
                sent++;
                var response = await RouteMatrixTests.CallAsync(client, method, address, content);
                var status = (int)response.StatusCode;
                var what = $"{route} as {role} with {name}";
                if (status >= 500) failures.Add($"{what}: answered {status} {await response.Content.ReadAsStringAsync()}");
                else if (readsBody && status < 400) failures.Add($"{what}: accepted ({status})");
                else if (isApi && status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{what}: answered {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem+json");
            }
            if (!readsBody) continue;
            var after = await SnapshotAsync();
            foreach (var table in before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)))
                failures.Add($"{route}: table {table} changed ({before.GetValueOrDefault(table)} → {after.GetValueOrDefault(table)})");
        }
        output.WriteLine($"{sent} bad requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} answers to bad input are wrong:\n  " + string.Join("\n  ", failures.Take(200)));
    }

    /// <summary>Every route that changes something, with the type of the JSON body it binds (if any).</summary>
    private IEnumerable<(string Method, string Pattern, Type? Body)> ChangingRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => (m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                    e.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType).FirstOrDefault(t => t is not null && t != typeof(string)))))
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ToList();

    private static IEnumerable<(string Name, HttpContent Content)> Payloads(Type? body)
    {
        yield return ("malformed JSON", Json("{\"a\": "));
        yield return ("null", Json("null"));
        yield return ("[]", Json("[]"));
        yield return ("a bare number", Json("1e308"));
        yield return ("a string with NUL", Json("\"a\\u0000b\""));
        yield return ("a body beyond the limit", Json("{\"x\": \"" + new string('x', 2 * 1024 * 1024) + "\"}"));
        if (body is null) yield break;
        foreach (var (path, values) in Fields(body, depth: 0))
            foreach (var (kind, value) in values)
                yield return ($"{path} = {kind}", Json(Nest(path, value)));
    }

    /// <summary>For each field of the body (and of its nested objects), the bad values its type invites.</summary>
    private static IEnumerable<(string Path, (string Kind, JsonNode? Value)[] Values)> Fields(Type type, int depth)
    {
        var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        foreach (var parameter in parameters)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            var fieldType = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            yield return (name, BadValues(fieldType));
            if (depth < 2 && fieldType.IsClass && fieldType != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(fieldType) && !typeof(JsonNode).IsAssignableFrom(fieldType))
                foreach (var (path, values) in Fields(fieldType, depth + 1)) yield return ($"{name}.{path}", values);
            if (depth < 2 && ItemType(fieldType) is { } item && item.IsClass && item != typeof(string))
                foreach (var (path, values) in Fields(item, depth + 1)) yield return ($"{name}[0].{path}", values);
        }
    }

    private static (string, JsonNode?)[] BadValues(Type type)
    {
        if (type == typeof(string))
            return [("a number", 12345), ("100,000 characters", Overlong), ("a NUL character", "a\u0000b"), ("an object", new JsonObject())];
        if (type == typeof(long) || type == typeof(int) || type == typeof(decimal) || type == typeof(double))
            return [("text", "text"), ("long.MaxValue", long.MaxValue), ("long.MinValue", long.MinValue), ("-1", -1), ("1e308", JsonNode.Parse("1e308")), ("an array", new JsonArray())];
        if (type == typeof(bool)) return [("text", "maybe"), ("a number", 2)];
        if (type == typeof(Guid)) return [("text", "not-a-guid"), ("a number", 1)];
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return [("text", "yesterday"), ("a number", long.MaxValue)];
        if (typeof(JsonNode).IsAssignableFrom(type))
            return [("text", "text"), ("a NUL name", new JsonObject { ["a\u0000b"] = 1 }), ("a NUL text", new JsonObject { ["note"] = "a\u0000b" }),
                ("10,000 variables", new JsonObject(Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create<string, JsonNode?>($"v{i}", i))))];
        if (IsDictionary(type, out var valueType))
            return [("text", "text"), ("a null value", new JsonObject { ["k"] = null }), ("a NUL key", new JsonObject { ["a\u0000b"] = Sample(valueType) }),
                ("a 100,000-character key", new JsonObject { [Overlong] = Sample(valueType) }), ("long.MaxValue values", new JsonObject { ["k"] = long.MaxValue })];
        if (ItemType(type) is { } item)
            return [("text", "text"), ("a null item", new JsonArray(null, null)), ("an item of 100,000 characters", new JsonArray(item == typeof(string) ? Overlong : (JsonNode)long.MaxValue)),
                ("an item with NUL", new JsonArray(item == typeof(string) ? "a\u0000b" : (JsonNode)"a\u0000b")), ("an object", new JsonObject())];
        return [("text", "text"), ("an array", new JsonArray()), ("a number", long.MaxValue)];
    }

    private static JsonNode? Sample(Type type) => type == typeof(string) ? "x" : 1;

    private static bool IsDictionary(Type type, out Type valueType)
    {
        var dictionary = type.IsGenericType && type.GetGenericArguments().Length == 2 ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        valueType = dictionary?.GetGenericArguments()[1] ?? typeof(object);
        return dictionary is not null && typeof(IEnumerable).IsAssignableFrom(type);
    }

    private static Type? ItemType(Type type) =>
        type == typeof(string) || IsDictionary(type, out _) || typeof(JsonNode).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>{ "a": { "b": value } } for the path a.b; a[0].b puts the object in a list.</summary>
    private static string Nest(string path, JsonNode? value)
    {
        var node = value;
        foreach (var part in path.Split('.').Reverse())
            node = part.EndsWith("[0]", StringComparison.Ordinal)
                ? new JsonObject { [part[..^3]] = new JsonArray(node) }
                : new JsonObject { [part] = node };
        return node?.ToJsonString() ?? "null";
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>
    /// Tables a background worker updates on its own clock (the mail sender marks rows sent, failed or due again):
    /// only which rows exist is compared there, not their delivery state, so a retry that falls due mid-test is not
    /// taken for a change made by bad input (a request that queued mail would still add a row).
    /// </summary>
    private static readonly HashSet<string> UpdatedByWorkers = ["QueuedMail"];

    /// <summary>Each table the model maps: its row count and a hash of its rows (order-free), read with plain SQL.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => (Schema: e.GetSchema(), Name: e.GetTableName()!)).Distinct()
            .Where(t => !t.Name.Contains("Audit", StringComparison.OrdinalIgnoreCase)).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, string>();
        foreach (var (schema, name) in tables)
        {
            await using var command = connection.CreateCommand();
            var columns = UpdatedByWorkers.Contains(name)
                ? string.Join(", ", db.Model.GetEntityTypes().First(e => e.GetTableName() == name).FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""))
                : "*";
            command.CommandText = $"SELECT {columns} FROM {(schema is null ? "" : $"\"{schema}\".")}\"{name}\"";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(string.Join("|", values.Select(v => v is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
                }
            }
            rows.Sort(StringComparer.Ordinal);
            snapshot[name] = $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))[..16]}";
        }
        return snapshot;
    }
}
