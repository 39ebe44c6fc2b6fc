using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Application.Seeding;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Notifications.NotificationApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Notifications;

/// <summary>
/// The general approval process as its people hear of it: each new task, hand-over, reminder, copy
/// and decision lands in the right inbox (a group's task in every member's), and nobody else's.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class NotificationStoryTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private HttpClient _applicant = null!;
    private HttpClient _reviewer = null!;
    private HttpClient _approver = null!;
    private HttpClient _expert = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.CreateClientForAsync("admin1");
        _applicant = await app.CreateClientForAsync("enterprise1");
        _reviewer = await app.CreateClientForAsync("reviewer1");
        _approver = await app.CreateClientForAsync("approver1");
        _expert = await app.CreateClientForAsync("expert1");
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _admin, _applicant, _reviewer, _approver, _expert }) client.Dispose();
        return Task.CompletedTask;
    }

    private static string NewBusinessKey() => $"APP-2026-{Random.Shared.Next(100000, 999999)}";

    /// <summary>Started by an administrator for enterprise1, who then prepares the file.</summary>
    private async Task<(Guid Instance, string BusinessKey)> PreparedByApplicant()
    {
        var businessKey = NewBusinessKey();
        var id = await StartAsync(_admin, "general-approval", new { applicant = "enterprise1" }, businessKey);
        await OkAsync(_applicant, $"/api/tasks/{await OnlyTaskAsync(_applicant, "mine", id, "prepare")}/complete");
        return (id, businessKey);
    }

    private async Task<(Guid Instance, Guid Review, string BusinessKey)> ClaimedByReviewer()
    {
        var (id, businessKey) = await PreparedByApplicant();
        var review = await OnlyTaskAsync(_reviewer, "candidate", id, "districtReview");
        await OkAsync(_reviewer, $"/api/tasks/{review}/claim");
        return (id, review, businessKey);
    }

    [Fact]
    public async Task ApplicantPreparesTheFile_TheReviewerGroupHearsOfTheNewTask_AndTheApplicantDoesNot()
    {
        var (id, businessKey) = await PreparedByApplicant();

        var notice = Assert.Single(await AboutAsync(_reviewer, id, "taskAssigned"));
        Assert.Equal($"新的待办：District review — {businessKey}", notice.GetProperty("title").GetString());
        Assert.Equal($"New task: District review — {businessKey}", notice.GetProperty("titleEn").GetString());
        // The details once in each language, each string in one: English labels in the body, Chinese ones in bodyZh.
        var body = notice.GetProperty("body").GetString()!;
        Assert.StartsWith("Process: General approval", body);
        Assert.Contains("By: enterprise1", body);
        Assert.DoesNotContain("流程", body);
        Assert.DoesNotContain("编号", body);
        var bodyZh = notice.GetProperty("bodyZh").GetString()!;
        Assert.StartsWith("流程：General approval", bodyZh);
        Assert.Contains($"编号：{businessKey}", bodyZh);
        Assert.Contains("操作人：enterprise1", bodyZh);
        Assert.DoesNotContain("Process:", bodyZh);

        // The reviewer's notifications page shows one language: Chinese by default, English after the switch.
        using var portal = await app.CreateSignedInClientAsync("reviewer1");
        var page = WebUtility.HtmlDecode(await portal.GetStringAsync("/portal/notifications"));
        Assert.Contains($"新的待办：District review — {businessKey}", page);
        Assert.Contains($"编号：{businessKey}", page);
        Assert.DoesNotContain($"New task: District review — {businessKey}", page);
        Assert.DoesNotContain($"Reference: {businessKey}", page);
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(page);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [tokenName] = token, ["culture"] = "en", ["returnUrl"] = "/portal/notifications",
        }))).StatusCode);
        page = WebUtility.HtmlDecode(await portal.GetStringAsync("/portal/notifications"));
        Assert.Contains($"New task: District review — {businessKey}", page);
        Assert.Contains($"Reference: {businessKey}", page);
        Assert.DoesNotContain($"新的待办：District review — {businessKey}", page);
        Assert.DoesNotContain($"编号：{businessKey}", page);
        Assert.Equal("district-reviewer", notice.GetProperty("group").GetString());
        Assert.Equal(await OnlyTaskAsync(_reviewer, "candidate", id, "districtReview"), notice.GetProperty("taskId").GetGuid());
        Assert.Equal($"/api/tasks?instanceId={id}", notice.GetProperty("link").GetString());
        Assert.False(notice.GetProperty("read").GetBoolean());

        // enterprise1 got its own "prepare" task when the file was started, and nothing of the reviewer's.
        var applicantSees = await AboutAsync(_applicant, id);
        var own = Assert.Single(applicantSees);
        Assert.Equal("taskAssigned", own.GetProperty("kind").GetString());
        Assert.Equal($"新的待办：Prepare the file — {businessKey}", own.GetProperty("title").GetString());
        Assert.Empty(await AboutAsync(_approver, id));
        Assert.Empty(await AboutAsync(_expert, id));
    }

    [Fact]
    public async Task TheReviewerDecides_TheApplicantAndTheStarterHearIt_AndTheApproversGetTheNextTask()
    {
        var (id, review, businessKey) = await ClaimedByReviewer();

        await OkAsync(_reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });

        var decision = Assert.Single(await AboutAsync(_applicant, id, "decision"));
        Assert.Equal($"已办理：District review — {businessKey}", decision.GetProperty("title").GetString());
        var body = decision.GetProperty("body").GetString()!;
        // The applicant hears what was decided and what comes next, not which reviewer decided it (issue 10).
        Assert.DoesNotContain("reviewer1", body);
        Assert.Equal("", decision.GetProperty("actor").GetString());
        Assert.Contains("Department approval", body);
        Assert.Equal($"/api/instances/{id}", decision.GetProperty("link").GetString());
        var toStarter = Assert.Single(await AboutAsync(_admin, id, "decision"), n => n.GetProperty("title").GetString()!.StartsWith("已办理：District review"));
        Assert.Contains("reviewer1", toStarter.GetProperty("body").GetString());
        Assert.Empty(await AboutAsync(_reviewer, id, "decision"));
        Assert.Single(await AboutAsync(_approver, id, "taskAssigned"));
    }

    [Fact]
    public async Task TheFileIsApproved_ItsStarterAndApplicantAreToldItEnded_Once()
    {
        var (id, review, businessKey) = await ClaimedByReviewer();
        await OkAsync(_reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });
        var approval = await OnlyTaskAsync(_approver, "candidate", id, "departmentApproval");

        await OkAsync(_approver, $"/api/tasks/{approval}/complete", new { variables = new { departmentOutcome = "approve" } });

        var ended = Assert.Single(await AboutAsync(_applicant, id, "instanceEnded"));
        Assert.Equal($"流程已办结：General approval (通用审批) — {businessKey}", ended.GetProperty("title").GetString());
        Assert.Contains("Approved", ended.GetProperty("body").GetString());
        Assert.Contains("Department approval", ended.GetProperty("body").GetString());
        Assert.Single(await AboutAsync(_admin, id, "instanceEnded"));
        // The end notice names the last decision: no second message for the same click.
        Assert.DoesNotContain(await AboutAsync(_applicant, id, "decision"), n => n.GetProperty("title").GetString()!.Contains("Department approval"));
    }

    [Fact]
    public async Task Remind_ReachesWhoeverHoldsTheTask_AndCopyTo_ReachesTheCopiedUser()
    {
        var (id, review, businessKey) = await ClaimedByReviewer();

        await OkAsync(_admin, $"/api/tasks/{review}/remind", new { message = "the window closes on Friday" });
        Assert.Equal(HttpStatusCode.Forbidden, (await _approver.GetAsync($"/api/instances/{id}")).StatusCode);
        await OkAsync(_reviewer, $"/api/tasks/{review}/copy-to", new { users = new[] { "approver1" } });
        // Whoever is copied may open the file they now follow.
        Assert.Equal(HttpStatusCode.OK, (await _approver.GetAsync($"/api/instances/{id}")).StatusCode);

        var reminder = Assert.Single(await AboutAsync(_reviewer, id, "reminded"));
        Assert.Equal($"催办：District review — {businessKey}", reminder.GetProperty("title").GetString());
        Assert.Contains("the window closes on Friday", reminder.GetProperty("body").GetString());
        Assert.Equal("admin1", reminder.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, reminder.GetProperty("group").ValueKind);

        var copy = Assert.Single(await AboutAsync(_approver, id, "copied"));
        Assert.Equal($"抄送：District review — {businessKey}", copy.GetProperty("title").GetString());
        Assert.Empty(await AboutAsync(_reviewer, id, "copied"));
        Assert.Empty(await AboutAsync(_applicant, id, "reminded"));

        // Whoever was copied follows the task, so they hear how it was decided.
        await OkAsync(_reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });
        Assert.Single(await AboutAsync(_approver, id, "decision"));
    }

    [Fact]
    public async Task HandOvers_TellThePersonWhoNowHoldsTheTask()
    {
        var (id, review, _) = await ClaimedByReviewer();
        // A district review is handed only to someone who could hold it: another district reviewer.
        using var colleague = await app.CreateClientForAsync(await PersonAsync(_admin, "reviewer2", "district-reviewer"));

        await OkAsync(_reviewer, $"/api/tasks/{review}/delegate", new { user = "reviewer2", reason = "check the equipment list" });
        var delegated = Assert.Single(await AboutAsync(colleague, id, "taskDelegated"));
        Assert.Contains("check the equipment list", delegated.GetProperty("body").GetString());

        await OkAsync(colleague, $"/api/tasks/{review}/resolve");
        Assert.Single(await AboutAsync(_reviewer, id, "taskResolved"));

        await OkAsync(_reviewer, $"/api/tasks/{review}/add-signers", new { users = new[] { "reviewer2" }, position = "after" });
        Assert.Single(await AboutAsync(colleague, id, "signerAdded"));

        await OkAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = "reviewer2", reason = "conflict of interest" });
        Assert.Single(await AboutAsync(colleague, id, "taskTransferred"));
    }

    [Fact]
    public async Task SendBack_TellsTheApplicantWhy()
    {
        var (id, review, businessKey) = await ClaimedByReviewer();

        await OkAsync(_reviewer, $"/api/tasks/{review}/send-back", new { targetElementId = "prepare", reason = "the audit report is missing" });

        var back = Assert.Single(await AboutAsync(_applicant, id, "taskSentBack"));
        Assert.Equal($"退回待办：Prepare the file — {businessKey}", back.GetProperty("title").GetString());
        Assert.Contains("the audit report is missing", back.GetProperty("body").GetString());
    }

    [Fact]
    public async Task ReadAndReadAll_ChangeTheUnreadCount_AndAGroupNoticeIsReadPerMember()
    {
        var secondReviewer = $"reviewer-{Guid.NewGuid():N}"[..20];
        var created = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = secondReviewer, displayName = "Second Reviewer", password = DemoUsers.Password, roles = new[] { "district-reviewer" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var colleague = await app.CreateClientForAsync(secondReviewer);
        var (id, _) = await PreparedByApplicant();
        var notice = Assert.Single(await AboutAsync(_reviewer, id, "taskAssigned"));
        var noticeId = notice.GetProperty("id").GetGuid();
        var before = UnreadCount(await InboxAsync(_reviewer));
        var colleagueBefore = UnreadCount(await InboxAsync(colleague));
        Assert.Contains((await InboxAsync(_reviewer, unreadOnly: true)).GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == noticeId);

        var read = await PostAsync(_reviewer, $"/api/notifications/{noticeId}/read");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(before - 1, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unreadCount").GetInt32());
        Assert.Equal(before - 1, UnreadCount(await InboxAsync(_reviewer)));
        Assert.True(Assert.Single(await AboutAsync(_reviewer, id, "taskAssigned")).GetProperty("read").GetBoolean());
        Assert.DoesNotContain((await InboxAsync(_reviewer, unreadOnly: true)).GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == noticeId);
        // Reading again changes nothing.
        await OkAsync(_reviewer, $"/api/notifications/{noticeId}/read");
        Assert.Equal(before - 1, UnreadCount(await InboxAsync(_reviewer)));

        // The same group notice is still unread for the other member of the group.
        Assert.Equal(colleagueBefore, UnreadCount(await InboxAsync(colleague)));
        Assert.False(Assert.Single(await AboutAsync(colleague, id, "taskAssigned")).GetProperty("read").GetBoolean());

        var all = await PostAsync(colleague, "/api/notifications/read-all");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var result = await all.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(colleagueBefore, result.GetProperty("marked").GetInt32());
        Assert.Equal(0, result.GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, UnreadCount(await InboxAsync(colleague)));
        Assert.Empty((await InboxAsync(colleague, unreadOnly: true)).GetProperty("items").EnumerateArray());

        await OkAsync(_applicant, "/api/notifications/read-all");
        Assert.Equal(0, UnreadCount(await InboxAsync(_applicant)));
        // What arrives afterwards is unread again.
        var (later, _) = await PreparedByApplicant();
        Assert.Equal(1, UnreadCount(await InboxAsync(_applicant)));
        Assert.False(Assert.Single(await AboutAsync(_applicant, later)).GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task SomeoneElsesNotification_IsNotFound_AndBadPagingIsAProblem()
    {
        var (id, _) = await PreparedByApplicant();
        var reviewersNotice = Assert.Single(await AboutAsync(_reviewer, id, "taskAssigned")).GetProperty("id").GetGuid();

        var notMine = await PostAsync(_applicant, $"/api/notifications/{reviewersNotice}/read");
        await ProblemAssert.IsProblemAsync(notMine, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await PostAsync(_applicant, $"/api/notifications/{Guid.NewGuid()}/read"), HttpStatusCode.NotFound);
        Assert.False(Assert.Single(await AboutAsync(_reviewer, id, "taskAssigned")).GetProperty("read").GetBoolean());

        var badTake = await _applicant.GetAsync("/api/notifications?take=0");
        Assert.Equal("take", (await ProblemAssert.IsProblemAsync(badTake, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("field").GetString());
        await ProblemAssert.IsProblemAsync(await _applicant.GetAsync("/api/notifications?skip=-1"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await app.CreateAnonymousClient().GetAsync("/api/notifications"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpertsRacingForOneTask_OnlyTheWinnersCommandNotifies()
    {
        var key = $"race-{Guid.NewGuid():N}";
        var deployed = await DeployAsync(_admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <process id="{key}" name="Race" isExecutable="true">
                <startEvent id="start" />
                <userTask id="score" name="Score" camunda:candidateGroups="expert" />
                <userTask id="after" name="Decide" camunda:candidateUsers="approver1" />
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="score" />
                <sequenceFlow id="f2" sourceRef="score" targetRef="after" />
                <sequenceFlow id="f3" sourceRef="after" targetRef="end" />
              </process>
            </definitions>
            """);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var experts = await Task.WhenAll(new[] { "expert1", "expert2", "expert3" }.Select(app.CreateClientForAsync));

        for (var round = 0; round < 3; round++)
        {
            var id = await StartAsync(_admin, key, new { applicant = "enterprise1" });
            var task = await OnlyTaskAsync(experts[0], "candidate", id, "score");
            var gate = new TaskCompletionSource();
            var attempts = experts.Select(async client =>
            {
                await gate.Task;
                return await PostAsync(client, $"/api/tasks/{task}/complete");
            }).ToList();
            gate.SetResult();
            Assert.Single(await Task.WhenAll(attempts), r => r.StatusCode == HttpStatusCode.OK);

            // A losing command rolled back with everything it staged: one decision, one new task.
            Assert.Single(await AboutAsync(_applicant, id, "decision"));
            Assert.Single(await AboutAsync(_admin, id, "decision"));
            Assert.Single(await AboutAsync(_approver, id, "taskAssigned"));
        }
        foreach (var client in experts) client.Dispose();
    }

    [Fact]
    public async Task Paging_ListsNewestFirst()
    {
        await PreparedByApplicant();
        await PreparedByApplicant();

        var firstTwo = (await InboxAsync(_reviewer, take: 2)).GetProperty("items").EnumerateArray().ToArray();
        var next = (await _reviewer.GetFromJsonAsync<JsonElement>("/api/notifications?skip=1&take=1")).GetProperty("items").EnumerateArray().ToArray();

        Assert.Equal(2, firstTwo.Length);
        Assert.True(firstTwo[0].GetProperty("createdAt").GetDateTimeOffset() >= firstTwo[1].GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(firstTwo[1].GetProperty("id").GetGuid(), Assert.Single(next).GetProperty("id").GetGuid());
    }
}
