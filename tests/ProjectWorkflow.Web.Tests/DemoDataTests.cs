using System.Net;
using System.Net.Http.Json;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

/// <summary>An app started with Seed:DemoData=false, on its own database.</summary>
public sealed class PortalAppWithoutDemoData : PortalApp
{
    protected override bool SeedDemoData => false;
    protected override bool RunsJobServer => false;
}

[Collection(PortalAppCollection.Name)]
public sealed class DemoDataTests(PortalAppWithoutDemoData app) : IClassFixture<PortalAppWithoutDemoData>
{
    [Fact]
    public async Task WithoutDemoData_TheDemoPasswordOpensNothing()
    {
        using var client = app.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin1", password = DemoUsers.Password });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
