using System.Net;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

[Collection(PortalAppCollection.Name)]
public sealed class OpenApiTests(PortalApp app)
{
    [Fact]
    public async Task Integrator_ReadsTheOpenApiDocument_WithoutSigningIn()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/me", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));

        var createUser = paths.GetProperty("/api/users").GetProperty("post");
        Assert.Contains(createUser.GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Fact]
    public async Task Integrator_BrowsesTheApiReference()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
