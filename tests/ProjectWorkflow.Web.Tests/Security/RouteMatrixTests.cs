using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>
/// The route × role × ownership matrix: every route of the real host is called as every role (and, where it takes
/// an enterprise's object, as enterprise1 with enterprise2's object), and must let in exactly whom
/// <see cref="RouteMatrix"/> declares. Allowed means the answer is not 401/403 (the call may still be refused for
/// its content: 400, 404, 409); refused means 401 for anonymous (or the portal's redirect to sign in) and 403 for
/// a signed-in role; 403 or 404 for another enterprise's object. No call may answer 5xx.
/// </summary>
[Collection(SecurityAppCollection.Name)]
public sealed partial class RouteMatrixTests(SecurityApp app)
{
    [Fact]
    public void Every_route_of_the_app_has_a_line_in_the_matrix_and_every_line_a_route()
    {
        var routes = app.Routes().Select(r => $"{r.Method} {r.Pattern}").ToHashSet();
        var declared = RouteMatrix.Rows.Select(r => r.Route).ToList();

        var undeclared = routes.Except(declared).Order().ToList();
        Assert.True(undeclared.Count == 0,
            "These routes have no line in tests/ProjectWorkflow.Web.Tests/Security/RouteAccess.cs (RouteMatrix.Rows). " +
            "Add one per route saying who may call it, e.g. R(\"POST /api/things/{id:guid}/approve\", \"finance\", Refused):\n  "
            + string.Join("\n  ", undeclared));
        Assert.Empty(declared.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(declared.Except(routes));
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_routes_declared_for_it_and_never_another_enterprises_object()
    {
        var routes = app.Routes().Select(r => $"{r.Method} {r.Pattern}").ToHashSet();
        var failures = new List<string>();
        foreach (var row in RouteMatrix.Rows.Where(r => routes.Contains(r.Route)))
        {
            var (method, pattern) = Split(row.Route);
            foreach (var role in new[] { "anonymous" }.Concat(RouteAccess.Roles))
            {
                var response = await CallAsync(app.Clients[RouteAccess.UserOf(role)], method, Fill(pattern, app.Own));
                var problem = Judge(row.Allows(role), role, response, otherEnterprise: false);
                if (problem is not null) failures.Add($"{row.Route} as {role}: {problem}");
            }
            if (row.Other == OtherEnterprise.Refused)
            {
                var response = await CallAsync(app.Clients["enterprise1"], method, Fill(pattern, app.Others));
                var problem = Judge(allowed: false, "enterprise", response, otherEnterprise: true);
                if (problem is not null) failures.Add($"{row.Route} as enterprise1 on enterprise2's object: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} calls do not match the matrix:\n  " + string.Join("\n  ", failures));
    }

    private static string? Judge(bool allowed, string role, HttpResponseMessage response, bool otherEnterprise)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"answered {status}";
        // A portal page sends a signed-out browser to the sign-in page (a POST that redirects there, logout, succeeded).
        var toSignIn = status is 302 && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
        var refusal = status is 401 or 403 || (toSignIn && response.RequestMessage?.Method == HttpMethod.Get);
        if (allowed) return refusal ? $"should be allowed but answered {status}" : null;
        if (role == "anonymous") return status == 401 || toSignIn ? null : $"should answer 401 but answered {status}";
        if (otherEnterprise) return status is 403 or 404 ? null : $"should be refused (403 or 404) but answered {status}";
        return status == 403 ? null : $"should answer 403 but answered {status}";
    }

    private static (string Method, string Pattern) Split(string route) => (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);

    /// <summary>The address for a pattern: ids of the caller's objects where the route names one, harmless values elsewhere.</summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string> objects)
    {
        var kind = pattern switch
        {
            _ when pattern.StartsWith("/api/applications/", StringComparison.Ordinal) => "application",
            _ when pattern.StartsWith("/api/instances/", StringComparison.Ordinal) => "instance",
            _ when pattern.StartsWith("/api/tasks/", StringComparison.Ordinal) => "task",
            _ when pattern.StartsWith("/api/enterprises/", StringComparison.Ordinal) => "enterprise",
            _ => null,
        };
        return Parameter().Replace(pattern, match => match.Groups["name"].Value switch
        {
            "id" when kind is not null && match.Groups["type"].Value == "guid" => objects[kind],
            "attachmentId" => objects["attachment"],
            "id" when match.Groups["type"].Value == "long" => "1",
            "key" or "schemeKey" => "tech-upgrade",
            "year" => "2026",
            "version" => "1",
            "view" => "budgets",
            "documentName" => "v1",
            "path" => "",
            _ => Guid.NewGuid().ToString(),
        });
    }

    public static async Task<HttpResponseMessage> CallAsync(HttpClient client, string method, string address, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), address);
        if (method is not ("GET" or "HEAD"))
        {
            request.Content = content ?? (address.EndsWith("/attachments", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new StringContent("feasibility-report"), "kind" }, { new ByteArrayContent(Funding.FundingApi.Pdf), "file", "matrix.pdf" } }
                : address.StartsWith("/api/", StringComparison.Ordinal) || address.StartsWith("/engine-rest/", StringComparison.Ordinal)
                ? address == "/api/definitions/" ? new StringContent("", Encoding.UTF8, "application/xml") : new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]));
        }
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(:(?<type>[a-z]+))?\??\}")]
    private static partial Regex Parameter();
}
