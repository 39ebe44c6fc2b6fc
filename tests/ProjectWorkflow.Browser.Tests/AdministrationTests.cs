using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// An administrator prepares next year: the tech-upgrade rule set for 2027 as a form started from 2026's copy (a
/// wrong figure is refused with its sentence beside the field, nothing is added), then a budget for 2027; once 2027's
/// window opens, an enterprise starts an application in that year. The administrators' and auditors' pages pass axe.
/// Its own portal (its own clock), since it moves the clock into the next year.
/// </summary>
public sealed partial class AdministrationTests(BrowserPortal portal) : BrowserStory(portal), IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AnAdministratorAddsNextYearsRulesFromLastYearsCopyAndABudget_ThenAnEnterpriseAppliesInThatYear()
    {
        var admin = await portal.SignInAsync("admin1", "/portal/admin/schemes");
        var techUpgrade = admin.Locator("section[data-scheme='tech-upgrade']");
        // The latest year with rules is the copy (the demo may already hold the coming year's); the form is for the year after.
        var copyLink = techUpgrade.GetByRole(AriaRole.Link, new() { NameRegex = FromCopy() });
        var years = FromCopy().Match(await copyLink.InnerTextAsync());
        var (year, copied) = (int.Parse(years.Groups["year"].Value, Invariant), int.Parse(years.Groups["copy"].Value, Invariant));
        Assert.Equal(copied + 1, year);
        await copyLink.ClickAsync();

        // The copy's figures, for the new year: the window a year later, the rate and cap as they were.
        await Assertions.Expect(admin.GetByLabel("年度", new() { Exact = true })).ToHaveValueAsync($"{year}");
        var opensText = await admin.GetByLabel("申报开始时间（上海时间）").InputValueAsync();
        Assert.True(opensText.Length == 0 || opensText.StartsWith($"{year}-", StringComparison.Ordinal), opensText);
        await Assertions.Expect(admin.GetByLabel("补助比例（0–1）")).ToHaveValueAsync("0.1");
        await PortalPages.ScreenshotAsync(admin, "admin-rule-set-form");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(admin));

        // A rate above 1 is refused beside its field, and nothing is added.
        await admin.GetByLabel("补助比例（0–1）").FillAsync("1.5");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存本年度规则" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("请按提示更正");
        await Assertions.Expect(admin.Locator("#f-support-rate-error")).ToContainTextAsync("请填写0至1之间的数");
        await Assertions.Expect(admin.GetByLabel("补助比例（0–1）")).ToHaveValueAsync("1.5");

        // Corrected, with a lower cap for the new year: added, and listed under the scheme.
        await admin.GetByLabel("补助比例（0–1）").FillAsync("0.08");
        await admin.GetByLabel("上限（元）").FillAsync("80000000");
        await admin.GetByLabel("公示期（工作日）").FillAsync("7");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存本年度规则" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"已新增 tech-upgrade {year} 年规则");
        await Assertions.Expect(techUpgrade.Locator($"tr[data-year='{year}']")).ToContainTextAsync("投资补助 8%，上限 ¥80,000,000.00");

        // The budget for the new year, with its reason; its history shows the entry.
        await admin.GetByRole(AriaRole.Link, new() { Name = "预算", Exact = true }).ClickAsync();
        await admin.GetByLabel("类别", new() { Exact = true }).SelectOptionAsync("tech-upgrade");
        await admin.GetByLabel("年度", new() { Exact = true }).FillAsync($"{year}");
        await admin.GetByLabel("预算总额（元）").FillAsync("1500000000");
        await admin.GetByLabel("理由", new() { Exact = true }).FillAsync($"沪财预〔{year}〕1号");
        await admin.GetByRole(AriaRole.Button, new() { Name = "设定预算" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"已将 tech-upgrade {year} 年预算设为 ¥1,500,000,000.00");
        var budget = admin.Locator($"tr[data-scheme='tech-upgrade'][data-year='{year}']");
        await Assertions.Expect(budget).ToContainTextAsync("¥1,500,000,000.00");
        await budget.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Table, new() { Name = $"技术改造 {year} 年预算变动记录" })).ToContainTextAsync($"沪财预〔{year}〕1号");
        await PortalPages.ScreenshotAsync(admin, "admin-budgets");

        // The new year's window opens: an enterprise starts a tech-upgrade application, numbered in that year.
        var opens = opensText.Length == 0
            ? new DateTimeOffset(year, 1, 5, 9, 0, 0, TimeSpan.FromHours(8))
            : new DateTimeOffset(DateTime.ParseExact(opensText, "yyyy-MM-ddTHH:mm", Invariant), TimeSpan.FromHours(8)).AddDays(1);
        await portal.AdvanceAsync(opens - portal.Clock.GetUtcNow());
        var enterprise = await portal.SignInAsync("enterprise1", "/portal/applications/new");
        await enterprise.GetByRole(AriaRole.Button, new() { NameRegex = TechUpgrade() }).ClickAsync();
        await enterprise.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal));
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"-{year}-");
    }

    [Theory]
    [InlineData("admin1", "/portal/admin/schemes", "admin-schemes")]
    [InlineData("admin1", "/portal/admin/users", "admin-users")]
    [InlineData("admin1", "/portal/admin/experts", "admin-experts")]
    [InlineData("auditor1", "/portal/admin/experts", "auditor-experts")]
    [InlineData("admin1", "/portal/admin/providers", "admin-providers")]
    [InlineData("admin1", "/portal/admin/budgets", "admin-budgets-list")]
    [InlineData("admin1", "/portal/admin/calendar", "admin-calendar")]
    [InlineData("approver1", "/portal/schemes/tech-upgrade/changes", "rule-set-diff")]
    [InlineData("auditor1", "/portal/audit?verify=1", "audit-log")]
    [InlineData("auditor1", "/portal/search?q=2026", "auditor-search")]
    [InlineData("enterprise1", "/portal/vouchers", "vouchers-enterprise")]
    [InlineData("provider1", "/portal/vouchers", "vouchers-provider")]
    public async Task TheAdministratorsAuditorsAndVoucherPages_HaveNoSeriousAccessibilityViolation(string user, string path, string screenshot)
    {
        var page = await portal.SignInAsync(user, path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(page, screenshot);
        Assert.Empty(await PortalPages.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task TheAuditLogVerifiesItsChain_AndTheAdministratorsAddsAUserWithRoles()
    {
        var admin = await portal.SignInAsync("admin1", "/portal/admin/users");
        var addUser = admin.Locator("section[aria-labelledby='add-user']");
        await addUser.GetByLabel("登录名").FillAsync("auditor7");
        await addUser.GetByLabel("姓名").FillAsync("Wang Audit");
        await addUser.GetByLabel("初始密码").FillAsync("A-long-initial-passphrase-2027");
        await addUser.GetByLabel("审计", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增用户" , Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已新增用户 auditor7");
        await Assertions.Expect(admin.Locator("tr[data-user='auditor7']")).ToContainTextAsync("审计");

        await admin.GotoAsync("/portal/audit");
        await admin.GetByRole(AriaRole.Button, new() { Name = "校验审计链" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-verified]")).ToHaveAttributeAsync("data-verified", "true");
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("审计链完整");
    }

    [Fact]
    public async Task AnAdministratorDisablesEnablesResetsAndChangesRoles_AndKeepsTheExpertPool()
    {
        var admin = await portal.SignInAsync("admin1", "/portal/admin/users");
        var addUser = admin.Locator("section[aria-labelledby='add-user']");
        await addUser.GetByLabel("登录名").FillAsync("finance9");
        await addUser.GetByLabel("姓名").FillAsync("Zhao Finance");
        await addUser.GetByLabel("初始密码").FillAsync("A-long-initial-passphrase-2027");
        await addUser.GetByLabel("财政", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增用户", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已新增用户 finance9");

        // Disabled, the person cannot sign in even with the right password.
        var row = admin.Locator("tr[data-user='finance9']");
        await row.GetByLabel("理由").FillAsync("调离岗位");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用 finance9" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已停用用户 finance9");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-disabled", "true");
        var refused = await SignInWithAsync("finance9", "A-long-initial-passphrase-2027");
        await Assertions.Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");

        // The administrator cannot disable themselves.
        await admin.Locator("tr[data-user='admin1']").GetByRole(AriaRole.Button, new() { Name = "停用 admin1" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("管理员不能停用自己的账号");

        // Enabled again and given a temporary password (shown once): the person signs in with it, not the old one.
        await row.GetByRole(AriaRole.Button, new() { Name = "启用 finance9" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已启用用户 finance9");
        await row.GetByRole(AriaRole.Button, new() { Name = "重置 finance9 的密码" }).ClickAsync();
        var temporary = (await admin.Locator("#temporary-password").InnerTextAsync()).Trim();
        Assert.Equal(16, temporary.Length);
        await PortalPages.ScreenshotAsync(admin, "admin-users-password-reset");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(admin));
        var old = await SignInWithAsync("finance9", "A-long-initial-passphrase-2027");
        await Assertions.Expect(old.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确");
        var person = await SignInWithAsync("finance9", temporary);
        await person.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));

        // Finance and expert together would let one person pay and review: refused with the rule's sentence, roles unchanged.
        await admin.GotoAsync("/portal/admin/users");
        await row.GetByText("修改 finance9 的角色").ClickAsync();
        await row.GetByLabel("评审专家", new() { Exact = true }).CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "保存 finance9 的角色" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("同一人在项目中不能担任申报人、评审专家、审批人、拨付人中的两种");
        await Assertions.Expect(admin.Locator("tr[data-user='finance9'] td").Nth(3)).ToHaveTextAsync("财政");
        // Moved to audit instead: allowed.
        await row.GetByText("修改 finance9 的角色").ClickAsync();
        await row.GetByLabel("财政", new() { Exact = true }).UncheckAsync();
        await row.GetByLabel("审计", new() { Exact = true }).CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "保存 finance9 的角色" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已将 finance9 的角色改为：审计");

        // The expert pool: expert2 reviews in the technical field; the administrator adds the financial one.
        await admin.GetByRole(AriaRole.Link, new() { Name = "专家库", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-expert='expert2']")).ToContainTextAsync("技术");
        await admin.GetByLabel("专家", new() { Exact = true }).SelectOptionAsync("expert2");
        var save = admin.Locator("section[aria-labelledby='save-expert']");
        await save.GetByLabel("技术", new() { Exact = true }).CheckAsync();
        await save.GetByLabel("财务", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存专业领域" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存 expert2 的专业领域：技术、财务");
        await admin.GetByLabel("按专业领域筛选").SelectOptionAsync("financial");
        await admin.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-expert='expert2']")).ToHaveAttributeAsync("data-expert", "expert2");
        await Assertions.Expect(admin.Locator("tr[data-expert='expert1']")).ToHaveCountAsync(0);
        await PortalPages.ScreenshotAsync(admin, "admin-experts-filtered");
        // A relation: expert2 helped draft this year's tech-upgrade call, so the draw keeps them off its files.
        var expert2 = admin.Locator("tr[data-expert='expert2']");
        await expert2.GetByText("登记 expert2 的回避关系").ClickAsync();
        await expert2.GetByLabel("关系类型").SelectOptionAsync("drafted-call");
        await expert2.GetByLabel("项目类别（仅起草通知时填）").FillAsync("tech-upgrade");
        await expert2.GetByLabel("年度").FillAsync("2026");
        await expert2.GetByRole(AriaRole.Button, new() { Name = "登记 expert2 的关系" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记 expert2 的回避关系：参与起草申报通知");
        await Assertions.Expect(admin.Locator("tr[data-expert='expert2'] li[data-relation='drafted-call']")).ToContainTextAsync("tech-upgrade 2026");

        // A rule set whose installments do not add up to 100 is refused with the problem's Chinese sentence.
        await admin.GotoAsync("/portal/admin/schemes");
        await admin.Locator("section[data-scheme='tech-upgrade']").GetByRole(AriaRole.Link, new() { NameRegex = FromCopy() }).ClickAsync();
        await admin.GetByLabel("各期拨付比例（%，逗号分隔）").FillAsync("60, 50");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存本年度规则" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#rule-set-problems")).ToContainTextAsync("分期拨付比例须为正数且合计为100");
    }

    /// <summary>The sign-in form in a fresh browser window, filled with this user name and password and sent.</summary>
    private async Task<IPage> SignInWithAsync(string userName, string password)
    {
        var page = await portal.OpenPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        return page;
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    [GeneratedRegex(@"以 (?<copy>\d{4}) 年规则为底稿新增 (?<year>\d{4}) 年规则")]
    private static partial Regex FromCopy();

    [GeneratedRegex("技术改造")]
    private static partial Regex TechUpgrade();
}
