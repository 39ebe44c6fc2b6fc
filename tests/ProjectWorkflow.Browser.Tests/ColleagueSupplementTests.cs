using Microsoft.Playwright;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// enterprise1's file is returned for supplement; a colleague enterprise1 invited (and who accepted) opens the file's
/// steps, reads why, and sends the supplement by clicking: the file goes back to the district, and the process records
/// the colleague as the one who answered.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class ColleagueSupplementTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task AnInvitedColleague_SendsTheSupplement_OnTheFilesStepsPage()
    {
        var w = new Words("zh-CN");
        var walk = new LifecycleWalk(portal);
        var admin = await walk.ClientAsync("admin1");
        var colleagueName = await PersonAsync(admin, $"colleague{Guid.NewGuid():N}"[..16], "enterprise");
        await InviteAndAcceptAsync("enterprise1", colleagueName);

        var review = new ReviewWalk(portal);
        var name = $"Kiln heat {Guid.NewGuid():N}"[..24];
        var (id, instance) = await review.SubmitAsync(await walk.ClientAsync("enterprise1"), "green-park", new
        {
            projectName = name, site = "Lingang", description = "Recovers waste heat from the kilns.", projectLeaderName = "Zhou Min",
            projectLeaderIdentity = "310101198707070099", inProjectPool = false, equipmentFen = 300_000_000L, energyBeforeTce = 3_000m, energyAfterTce = 1_000m,
            outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4,
        });
        await review.DistrictAsync(instance, new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report." });

        var colleague = await portal.SignInAsync(colleagueName, $"/portal/applications/{id}/project");
        await Assertions.Expect(colleague.GetByText(w.OfProject("ReturnedBecause", "Attach the energy audit report."))).ToBeVisibleAsync();
        await colleague.GetByLabel(w.OfProject("SupplementNote"), new() { Exact = true }).FillAsync("The energy audit report is attached.");
        await colleague.GetByRole(AriaRole.Button, new() { Name = w.OfProject("SendSupplement") }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.OfProject("Done.supplement"));

        Assert.Equal("under-review", (await ApplicationAsync(admin, id)).GetProperty("status").GetString());
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("elementId").GetString() == "supplement"
            && j.GetProperty("event").GetString() == "completed" && j.GetProperty("actor").GetString() == colleagueName);
    }

    /// <summary>The inviter invites on "My enterprise" and the colleague accepts on theirs, by clicking.</summary>
    private async Task InviteAndAcceptAsync(string inviter, string invitee)
    {
        var mine = await portal.SignInAsync(inviter, "/portal/enterprise");
        await mine.GetByLabel("同事的用户名").FillAsync(invitee);
        await mine.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Assertions.Expect(mine.GetByRole(AriaRole.Status)).ToContainTextAsync("邀请已发出");
        var theirs = await portal.SignInAsync(invitee, "/portal/enterprise");
        await theirs.GetByRole(AriaRole.Button, new() { Name = $"接受 {DemoEnterpriseSeed.Name} 的邀请" }).ClickAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Status)).ToHaveTextAsync("您已接受邀请，现在代表该企业。");
    }
}
