using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Funding;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// A new enterprise clerk registers the enterprise on "My enterprise" (a mistyped credit code is refused in the page's
/// language only), invites a colleague — not a district reviewer, who may never act for an applicant — and the
/// colleague accepts on their own "My enterprise" and then sees the same applications.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed partial class EnterpriseRegistrationTests(BrowserPortal portal) : BrowserStory(portal)
{

    [Fact]
    public async Task TheClerkRegistersTheEnterprise_InvitesAColleague_WhoAcceptsAndSeesTheSameApplications()
    {
        var clerkName = await NewEnterpriseUserAsync("clerk");
        var colleagueName = await NewEnterpriseUserAsync("colleague");

        var clerk = await portal.SignInAsync(clerkName, "/");
        await clerk.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的企业" }).ClickAsync();
        await clerk.GetByLabel("统一社会信用代码").FillAsync("91350100M000100Y44");
        await clerk.GetByLabel("企业名称").FillAsync("Songjiang Tooling Co., Ltd. 松江工装有限公司");
        await clerk.GetByLabel("注册地址").FillAsync("No. 1 Xinqiao Road, Songjiang");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记企业" }).ClickAsync();
        // The code's check character is wrong: the refusal is the Chinese sentence alone, not both languages in one line.
        var alert = clerk.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToHaveTextAsync("校验位不符，请核对代码。");
        await PortalPages.ScreenshotAsync(clerk, "enterprise-register-refused");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(clerk));

        var uscc = NewUscc();
        await clerk.GetByLabel("统一社会信用代码").FillAsync(uscc);
        await clerk.GetByLabel("企业名称").FillAsync("Songjiang Tooling Co., Ltd. 松江工装有限公司");
        await clerk.GetByLabel("注册地址").FillAsync("No. 1 Xinqiao Road, Songjiang");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登记企业" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("企业已登记，您现在代表该企业申报。");
        await Assertions.Expect(clerk.Locator("dl.facts")).ToContainTextAsync(uscc);

        // A district reviewer cannot be invited: the rule's sentence, in Chinese.
        await clerk.GetByLabel("同事的用户名").FillAsync("reviewer1");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户 reviewer1 不是（仅为）企业用户，不能代表企业申报。");

        await clerk.GetByLabel("同事的用户名").FillAsync(colleagueName);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("邀请已发出");
        await Assertions.Expect(clerk.GetByRole(AriaRole.List, new() { Name = "待接受的邀请" })).ToContainTextAsync(colleagueName);
        await PortalPages.ScreenshotAsync(clerk, "enterprise-mine");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(clerk));

        // The clerk starts a draft; the colleague accepts the invitation and sees it too.
        await clerk.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的申报" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "新建申报" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "申报绿色园区" }).ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(DraftPage());
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("GP-");
        var number = (await clerk.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ', '：', ':', '（', '(').First(s => s.StartsWith("GP-", StringComparison.Ordinal));

        var colleague = await portal.SignInAsync(colleagueName, "/portal/enterprise");
        await Assertions.Expect(colleague.GetByRole(AriaRole.List, new() { Name = "发给您的邀请" })).ToContainTextAsync(clerkName);
        await PortalPages.ScreenshotAsync(colleague, "enterprise-invitation");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(colleague));
        await colleague.GetByRole(AriaRole.Button, new() { Name = "接受 Songjiang Tooling Co., Ltd. 松江工装有限公司 的邀请" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Status)).ToHaveTextAsync("您已接受邀请，现在代表该企业。");
        await Assertions.Expect(colleague.GetByRole(AriaRole.List, new() { Name = "代表本企业的用户" })).ToContainTextAsync(colleagueName);
        await colleague.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的申报" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(1);

        // In English the same page speaks English only.
        await colleague.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "我的企业" }).ClickAsync();
        await colleague.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My enterprise");
        await colleague.GetByLabel("Your colleague's user name").FillAsync("approver1");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user approver1 is not an enterprise user only, so they cannot act for an enterprise.");
        await PortalPages.ScreenshotAsync(colleague, "enterprise-mine-en");
    }

    private async Task<string> NewEnterpriseUserAsync(string prefix)
    {
        var admin = await new LifecycleWalk(portal).ClientAsync("admin1");
        var userName = $"{prefix}{Guid.NewGuid():N}"[..16];
        var created = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = prefix, password = ProjectWorkflow.Application.Seeding.DemoUsers.Password, roles = new[] { "enterprise" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    /// <summary>A fresh valid code: 17 random characters and their check character.</summary>
    private static string NewUscc()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first = "9131" + new string(Enumerable.Range(0, 13).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return first + ProjectWorkflow.Funding.Enterprises.Uscc.CheckCharacter(first);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/portal/applications/[0-9a-f-]{36}/edit$")]
    private static partial System.Text.RegularExpressions.Regex DraftPage();
}
