using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Schemes.Windows;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The 2026 tech-upgrade window (Jan 20 – Feb 4, 16:00): announced once when open and once when closed; closed means no submission.</summary>
public sealed class ApplicationWindowTests(FundingApp app) : IClassFixture<FundingApp>
{
    private async Task RunCheckAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnnounceApplicationWindows>().RunAsync(CancellationToken.None);
    }

    private static async Task<JsonElement[]> TitledAsync(HttpClient client, string prefix) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("title").GetString()!.StartsWith(prefix)).ToArray();

    [Fact]
    public async Task TheWindow_IsAnnouncedOnceOpen_AndOnceClosed_AndAfterItNothingIsSubmitted()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var (late, _) = (await SubmitReadyAsync(applicant, "tech-upgrade", Project("Too late for the window")), 0);

        await RunCheckAsync();
        await RunCheckAsync();
        Assert.Single(await TitledAsync(applicant, "申报窗口已开放：tech-upgrade 2026"));
        Assert.Empty(await TitledAsync(reviewer, "申报窗口已开放"));

        app.Clock.Advance(TimeSpan.FromDays(10));   // past Feb 4, 16:00
        await RunCheckAsync();
        await RunCheckAsync();
        Assert.Single(await TitledAsync(reviewer, "申报窗口已关闭：tech-upgrade 2026"));

        var refused = await SubmitAsync(applicant, late.GetProperty("id").GetGuid());
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ApplicationWindowClosed", problem.GetProperty("rule").GetString());
        Assert.Contains("2026-02-04 16:00", problem.GetProperty("messageEn").GetString());
    }
}
