using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// A tech-upgrade application from an empty draft to its first installment paid, by clicking and typing in the
/// portal only, each demo user signing in in turn: the clerk fills in the draft and submits it; the district
/// reviewer returns it for supplement; the clerk answers with a new file; the reviewer recommends it; the approver
/// passes the site check and the joint review; after the public notice the clerk signs the agreement; the finance
/// officer approves the first installment; the clerk reads it among the payments received. First in Chinese, then
/// the same journey in English. Between the district and the approver, each of the seven experts drawn signs in,
/// opens the file from their inbox, declares no conflict and scores it on the rubric. Two things are not clicks: the
/// project is entered in the pool register (staff import it from Excel), and the public notice's five working days
/// pass on the app's clock.
/// </summary>
[Collection(JourneyPortalCollection.Name)]
public sealed partial class ClickOnlyJourneyTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Theory]
    [InlineData("zh-CN", "Line 5 servo retrofit", "310101198505050111")]
    [InlineData("en", "Line 6 servo retrofit", "310101198505050122")]
    public async Task FromAnEmptyDraftToTheFirstInstallmentPaid_ByClicksOnly(string culture, string projectName, string leader)
    {
        var w = new Words(culture);
        var shots = w.English ? "journey-en" : "journey-zh";

        // The clerk starts a tech-upgrade draft and types it in; every field saves itself.
        var clerk = await SignInAsync(w, "enterprise1", "/portal/applications");
        await clerk.GetByRole(AriaRole.Link, new() { Name = w["NewApplication"] }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = w["StartDraftFor", w["Scheme.tech-upgrade"]] }).ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(EditPage());
        var id = Guid.Parse(EditPage().Match(clerk.Url).Groups[1].Value);
        await clerk.GetByLabel(w["ProjectName"], Exact).FillAsync(projectName);
        await clerk.GetByLabel(w["Site"], Exact).FillAsync("Minhang");
        await clerk.GetByLabel(w["Description"], Exact).FillAsync("Servo presses replace the hydraulic ones on the line.");
        await clerk.GetByLabel(w["ProjectLeaderName"], Exact).FillAsync("Lin Tao");
        await clerk.GetByLabel(w["ProjectLeaderIdentity"], Exact).FillAsync(leader);
        await clerk.GetByLabel(w["Equipment"], Exact).FillAsync("8,000,000.00");
        await clerk.RunAndWaitForResponseAsync(() => clerk.GetByLabel(w["Software"], Exact).FillAsync("1,000,000.00"),
            response => response.Request.Method == "PUT" && response.Url.Contains($"/api/applications/{id}", StringComparison.Ordinal));
        await Assertions.Expect(clerk.Locator("#draft-saved")).Not.ToBeEmptyAsync();
        await EnterPoolAsync(portal, await ApplicationAsync(await new LifecycleWalk(portal).ClientAsync("enterprise1"), id));

        // Without the feasibility report the submission is refused beside the attachments, in the page's language only.
        await clerk.GetByRole(AriaRole.Button, new() { Name = w["SubmitApplication"] }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#err-attachments")).ToHaveTextAsync(w.English
            ? "Attach the feasibility report (kind feasibility-report)."
            : "请上传：可行性研究报告（feasibility-report）。");

        await clerk.GetByLabel(w["AttachmentKindLabel"]).First.SelectOptionAsync("feasibility-report");
        await clerk.GetByLabel(w["File"], Exact).SetInputFilesAsync(new FilePayload { Name = "feasibility.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await clerk.GetByRole(AriaRole.Button, new() { Name = w["Upload"] }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "feasibility.pdf" })).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(clerk, $"{shots}-1-draft");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(clerk));
        await clerk.GetByRole(AriaRole.Button, new() { Name = w["SubmitApplication"] }).ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(new Regex($"/portal/applications/{id}$"));
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("TU-");
        var number = (await clerk.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ', '：', ':').First(s => s.StartsWith("TU-", StringComparison.Ordinal));

        // The district reviewer returns it: the fixed-asset breakdown needs the equipment list.
        await WorkTaskAsync(w, "reviewer1", number, async task =>
        {
            await task.GetByLabel("退回补正 Return for supplement").CheckAsync();
            await task.GetByLabel("退回补正原因 Reason for return (the applicant reads it)").FillAsync("Attach the list of equipment to be bought.");
            await task.GetByLabel("内部意见 Internal comment (staff only)").FillAsync("Reviewer's own note: check the supplier's quote.");
        });

        // The clerk reads why, attaches the list and sends the file back; no reviewer and no internal comment is shown.
        clerk = await SignInAsync(w, "enterprise1", $"/portal/applications/{id}");
        await clerk.GetByRole(AriaRole.Link, new() { Name = w.OfProject("ProjectSteps") }).ClickAsync();
        await Assertions.Expect(clerk.GetByText(w.OfProject("ReturnedBecause", "Attach the list of equipment to be bought."))).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("main")).Not.ToContainTextAsync("reviewer1");
        await Assertions.Expect(clerk.Locator("main")).Not.ToContainTextAsync("Reviewer's own note");
        await clerk.GetByLabel(w["AttachmentKindLabel"], Exact).SelectOptionAsync("investment-proof");
        await clerk.GetByLabel(w.OfProject("NewFile"), Exact).SetInputFilesAsync(new FilePayload { Name = "equipment-list.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await clerk.GetByLabel(w.OfProject("SupplementNote"), Exact).FillAsync("The equipment list is attached.");
        await PortalPages.ScreenshotAsync(clerk, $"{shots}-2-supplement");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(clerk));
        await clerk.GetByRole(AriaRole.Button, new() { Name = w.OfProject("SendSupplement") }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.OfProject("Done.supplement"));

        // The reviewer recommends it this time.
        await WorkTaskAsync(w, "reviewer1", number, task => task.GetByLabel("推荐 Recommend").CheckAsync());

        // The seven experts drawn each declare no conflict, then score the opened file on the rubric.
        foreach (var expert in ReviewWalk.SevenPanel)
            await ScoreAsync(w, expert, number, shots, first: expert == ReviewWalk.SevenPanel[0]);

        // The approver passes the site check and approves at the joint review.
        await WorkTaskAsync(w, "approver1", number, task => task.GetByLabel("通过 Pass").CheckAsync());
        await WorkTaskAsync(w, "approver1", number, task => task.GetByLabel("同意 Approve").CheckAsync());

        // Five working days of public notice pass.
        await portal.AdvanceAsync(TimeSpan.FromDays(9));

        // The clerk signs the agreement, paid to the enterprise's registered account.
        clerk = await SignInAsync(w, "enterprise1", $"/portal/applications/{id}/project");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = w.OfProject("AgreementHeading") })).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(clerk, $"{shots}-3-agreement");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(clerk));
        await clerk.GetByRole(AriaRole.Button, new() { Name = w.OfProject("SignAgreement") }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.OfProject("Done.agreement"));

        // The finance officer approves the first installment at the finance desk.
        var finance = await SignInAsync(w, "finance1", "/finance");
        var due = finance.GetByRole(AriaRole.Table, new() { Name = w["PaymentsDue"] });
        await due.GetByRole(AriaRole.Button, new() { Name = w["ApproveOrder", number, 1] }).ClickAsync();
        await Assertions.Expect(finance.GetByRole(AriaRole.Status)).ToContainTextAsync(number);

        // The clerk reads the installment among the payments received (the bank answers in a moment).
        clerk = await SignInAsync(w, "enterprise1", $"/portal/applications/{id}/project");
        var payments = clerk.GetByRole(AriaRole.Table, new() { Name = w.OfProject("PaymentsHeading") });
        for (var attempt = 0; attempt < 30 && await payments.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await clerk.ReloadAsync();
        }
        await Assertions.Expect(payments.GetByRole(AriaRole.Row).Filter(new() { HasText = w.OfProject("InstallmentNumber", 1) })).ToContainTextAsync("¥450,000.00");
        await Assertions.Expect(clerk.Locator("dl.facts")).ToContainTextAsync(w["ApplicationStatus.building"]);
        await PortalPages.ScreenshotAsync(clerk, $"{shots}-4-paid");
        Assert.Empty(await PortalPages.SeriousViolationsAsync(clerk));
        if (w.English)
            Assert.DoesNotMatch(Han(), await clerk.Locator("main h1, main h2, main th, main label, main button").AllInnerTextsAsync() is var labels ? string.Join(" ", labels) : "");
    }

    /// <summary>The user opens the task of the application from their group's inbox, claims it, fills its form and sends it.</summary>
    private async Task WorkTaskAsync(Words w, string user, string number, Func<IPage, Task> fill)
    {
        var page = await SignInAsync(w, user, "/portal/tasks?tab=candidate");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = w["Claim"] }).ClickAsync();
        await fill(page);
        await page.GetByRole(AriaRole.Button, new() { Name = w["SubmitForm"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w["TaskCompleted"]);
    }

    /// <summary>
    /// The expert opens the file from their inbox, answers "no" to every conflict question, and scores the tech-upgrade
    /// rubric (its criteria and maxima are the 2026 rule set's data) with 80 points in all.
    /// </summary>
    private async Task ScoreAsync(Words w, string expert, string number, string shots, bool first)
    {
        var page = await SignInAsync(w, expert, "/portal/tasks");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = w.OfReview("Declaration") })).ToBeVisibleAsync();
        foreach (var question in await page.Locator("form[action$=\"/declaration\"] fieldset").AllAsync())
            await question.GetByLabel(w.OfReview("No"), new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = w.OfReview("Declare") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.OfReview("Done.declared"));

        foreach (var (criterion, max, points) in Rubric)
            await page.GetByLabel(w.OfReview("PointsFor", criterion, max), Exact).FillAsync(points);
        await page.GetByLabel(w.OfReview("Comment"), Exact).FillAsync("The servo retrofit is well argued.");
        if (first)
        {
            await PortalPages.ScreenshotAsync(page, $"{shots}-expert-scores");
            Assert.Empty(await PortalPages.SeriousViolationsAsync(page));
        }
        await page.GetByRole(AriaRole.Button, new() { Name = w.OfReview("SubmitScores") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(w.OfReview("Done.scored"));
    }

    private static readonly (string Criterion, int Max, string Points)[] Rubric =
        [("技术先进性 Technology", 40, "32"), ("经济效益 Economics", 30, "24"), ("实施保障 Delivery", 30, "24")];

    /// <summary>Signs in through the form; in English the person first presses "English" on the sign-in page.</summary>
    private async Task<IPage> SignInAsync(Words w, string userName, string returnUrl)
    {
        var page = await portal.OpenPageAsync();
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        if (w.English) await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByLabel(w["UserName"], Exact).FillAsync(userName);
        await page.GetByLabel(w["Password"], Exact).FillAsync(ProjectWorkflow.Application.Seeding.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = w["SignIn"], Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl.Split('?')[0], new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [GeneratedRegex(@"/portal/applications/([0-9a-f-]{36})/edit$")]
    private static partial Regex EditPage();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

/// <summary>The journey runs on a portal of its own (its own clock), after the other browser tests, not beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JourneyPortalCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "click-only journey";
}
