using System.Net;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

/// <summary>The Hangfire dashboard at /hangfire: administrators, signed in to the portal, and nobody else.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class DashboardTests(PortalApp app)
{
    [Fact]
    public async Task Administrator_SeesTheJobsDashboard()
    {
        using var admin = await app.CreateSignedInClientAsync("admin1");

        var response = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ProjectWorkflow jobs", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire/recurring")).StatusCode);
    }

    [Theory]
    [InlineData("enterprise1")]
    [InlineData("auditor1")]
    [InlineData("reviewer1")]
    public async Task SignedInNonAdministrator_Gets403_NotTheDashboard(string userName)
    {
        using var client = await app.CreateSignedInClientAsync(userName);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("ProjectWorkflow jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedOutVisitor_Gets401_NotTheDashboard()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("ProjectWorkflow jobs", await response.Content.ReadAsStringAsync());
    }
}
