using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

[Collection(PortalAppCollection.Name)]
public sealed class ProblemDetailsTests(PortalApp app)
{
    [Fact]
    public async Task MissingFields_Get400Problem_WithAnErrorsList()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["username", "password"], errors.Select(e => e.GetProperty("field").GetString()));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task MalformedJson_Gets400Problem_SayingWhatCouldNotBeRead()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent("{not json", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownApiRoute_Gets404Problem()
    {
        using var client = await app.CreateClientForAsync("admin1");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPage_Gets404Problem()
    {
        using var client = app.CreateAnonymousClient();

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/no-such-page"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Gets405Problem()
    {
        using var client = await app.CreateClientForAsync("admin1");

        await ProblemAssert.IsProblemAsync(await client.DeleteAsync("/api/me"), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task WrongContentType_Gets415Problem()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent("admin1", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UnhandledException_Becomes500Problem_WithoutExceptionTextOrStackTrace()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "POST";
        http.Request.Path = "/api/anything";
        http.Request.Headers.Accept = "application/json";
        http.Response.Body = new MemoryStream();
        var handler = new UnhandledExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(), NullLogger<UnhandledExceptionHandler>.Instance);

        Exception thrown;
        try { throw new InvalidOperationException("connection string Password=secret"); }
        catch (Exception e) { thrown = e; }
        Assert.True(await handler.TryHandleAsync(http, thrown, CancellationToken.None));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType);
        var body = Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain(nameof(InvalidOperationException), body);
        Assert.DoesNotContain(" at ", body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Contains("bug", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _), "the client gets a trace id to quote");
    }
}
