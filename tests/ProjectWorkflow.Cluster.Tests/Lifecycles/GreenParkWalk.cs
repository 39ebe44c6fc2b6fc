using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Cluster.Tests.Operations;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>An application walked so far: its id, its number (the business key of its processes and payments), its process.</summary>
public sealed record GreenParkFile(Guid Id, string Number, Guid Instance);

/// <summary>
/// One green-park application taken through its whole lifecycle over HTTP, as its people take it, each step on node A
/// or B in turn (<see cref="People"/>): the enterprise drafts, attaches the feasibility report and submits; the district
/// reviewer recommends; the five experts the lot drew declare no conflict and score; the department approver passes the
/// site check and approves at the joint review; the public notice runs its five working days (the rehearsal clock
/// moves past its end: <see cref="PassNoticesAsync"/>); the process approves and reserves the budget; the enterprise
/// signs the agreement; finance approves the first installment's payment order and the bank pays it; building starts.
/// Then (<see cref="CloseAsync"/>) the enterprise requests acceptance with its audit report, the department passes it,
/// the process settles the accepted amount (cut pro rata: less was invested than approved), finance approves the final
/// installment and the bank pays it, the department evaluates the project, and it closes, releasing the budget it no
/// longer needs. Nobody plays two of applicant, expert, approver and payer on a project. Every request goes through a
/// <see cref="PatientClient"/>: a 503 or a cut-off connection is sent again with its Idempotency-Key, a lost race again
/// under a new one.
/// </summary>
public sealed class GreenParkWalk(People people, PatientClient patient, RehearsalTime time, TimeSpan deadline)
{
    public const string Scheme = "green-park";

    /// <summary>What the acceptance finds invested: ¥2,800,000 of the approved ¥3,000,000 (see <see cref="LifecycleEnds"/>).</summary>
    public const long ActualInvestmentFen = 280_000_000L;

    /// <summary>The green-park rule set's panel: 3 technical + 2 financial experts.</summary>
    private const int PanelSize = 5;

    private const string Applicant = "enterprise1";
    private const string Reviewer = "reviewer1";
    private const string Approver = "approver1";
    private const string Finance = "finance1";
    private const string Admin = "admin1";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n45\n%%EOF\n"u8.ToArray();

    /// <summary>From the draft to the public notice; the <paramref name="n"/>th application starts on node A when n is even.</summary>
    public async Task<GreenParkFile> ToPublicNoticeAsync(int n, string run)
    {
        var turn = n;
        // The scheme-year the nodes' clock is in: the demo seeds its rules and budget, whatever the day.
        // An empty draft whose answer was lost is left as a person leaves one: a new one is started.
        var newDraft = () => Send(Applicant, turn, HttpMethod.Post, "/api/applications", new { schemeKey = Scheme, year = time.Year });
        var draft = await AnswerAsync(await newDraft(), HttpStatusCode.Created, "drafting", async () => await AnswerAsync(await newDraft(), HttpStatusCode.Created, "drafting again"));
        turn++;
        var id = draft.GetProperty("id").GetGuid();
        await AnswerAsync(await Send(Applicant, turn++, HttpMethod.Put, $"/api/applications/{id}", Project($"{run} 园区热泵改造 {n:000}", n)), HttpStatusCode.OK, "saving the draft");
        await AnswerAsync(await AttachAsync(id, "feasibility-report", turn), HttpStatusCode.Created, "attaching the feasibility report");
        turn++;
        var submitted = await AnswerAsync(await Send(Applicant, turn, HttpMethod.Post, $"/api/applications/{id}/submit", new { }), HttpStatusCode.OK, "submitting",
            () => ApplicationAsync(id, turn));
        turn++;
        var file = new GreenParkFile(id, submitted.GetProperty("number").GetString()!, submitted.GetProperty("instanceId").GetGuid());

        await CompleteAsync(Reviewer, turn++, file, "districtReview", new { districtOutcome = "recommend" });
        var panel = await PanelAsync(file, turn++);
        for (var i = 0; i < panel.Count; i++)
        {
            var expert = panel[i];
            await AnswerAsync(await Send(expert, turn++, HttpMethod.Post, $"/api/applications/{id}/panel/declaration", new
            {
                workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
            }), HttpStatusCode.OK, $"{expert} declaring");
            var total = 70m + i;
            await AnswerAsync(await Send(expert, turn++, HttpMethod.Post, $"/api/applications/{id}/panel/scores",
                new { points = new { savings = total * 0.5m, technology = total * 0.3m, management = total * 0.2m } }), HttpStatusCode.OK, $"{expert} scoring");
        }
        await CompleteAsync(Approver, turn++, file, "siteCheck", new { siteOutcome = "pass" });
        await CompleteAsync(Approver, turn++, file, "jointReview", new { jointOutcome = "approve" });
        await UntilAsync(async () => await StatusAsync(file, turn) == "in-public-notice", $"{file.Number} to be in its public notice");
        return file;
    }

    /// <summary>
    /// The nodes' clock moves past the last day of every file's notice (as each process computed it: five working days
    /// on the holiday calendar), and the notices' timers fire: each file is approved and waits for its agreement.
    /// </summary>
    public async Task PassNoticesAsync(IReadOnlyList<GreenParkFile> files)
    {
        var ends = new List<DateTimeOffset>();
        foreach (var file in files)
            ends.Add((await patient.GetAsync(people.On(Admin, ends.Count), $"/api/instances/{file.Instance}")).GetProperty("variables").GetProperty("noticeEndsAt").GetDateTimeOffset());
        time.MoveTo(ends.Max() + TimeSpan.FromMinutes(1));
        await Answers.UntilEachAsync(files, async (file, turn) => await StatusAsync(file, turn) != "in-public-notice", "every public notice to end", f => f.Number, deadline);
    }

    /// <summary>The enterprise signs the agreement; finance approves the first installment's order (the bank pays it later).</summary>
    public async Task SignAndApproveFirstInstallmentAsync(GreenParkFile file, int turn)
    {
        await TaskAsync(Applicant, turn, file, "signAgreement", "candidate");
        await StepAsync(Applicant, turn++, file, "signAgreement", $"/api/applications/{file.Id}/agreement",
            new { payeeName = DemoEnterpriseSeed.Name, payeeAccount = DemoEnterpriseSeed.BankAccount }, $"signing {file.Number}'s agreement");
        await ApproveInstallmentAsync(file, 1, turn);
    }

    /// <summary>
    /// From building to closure, once the bank has paid the first installment: the enterprise attaches the audit report
    /// and requests acceptance; the department passes it, and the process settles the accepted amount and orders the final
    /// installment, which finance approves; once the bank has paid it, the department evaluates the project and it closes.
    /// </summary>
    public async Task CloseAsync(GreenParkFile file, int turn)
    {
        await TaskAsync(Applicant, turn, file, "requestAcceptance", "candidate");
        var report = await AnswerAsync(await AttachAsync(file.Id, "audit-report", turn), HttpStatusCode.Created, $"attaching {file.Number}'s audit report",
            async () => Answers.Single((await ApplicationAsync(file.Id, turn)).GetProperty("attachments"), a => a.GetProperty("kind").GetString() == "audit-report"));
        turn++;
        await StepAsync(Applicant, turn++, file, "requestAcceptance", $"/api/applications/{file.Id}/acceptance", new
        {
            equipmentFen = ActualInvestmentFen, summary = "The heat pumps run; one of the planned units was not needed.", auditReportId = report.GetProperty("id").GetGuid(),
        }, $"requesting {file.Number}'s acceptance");

        await TaskAsync(Approver, turn, file, "acceptanceReview", "candidate");
        await StepAsync(Approver, turn++, file, "acceptanceReview", $"/api/applications/{file.Id}/acceptance/review",
            new { outcome = "pass", reason = "Site and equipment match the agreement; investment short by ¥200,000." }, $"passing {file.Number}'s acceptance");
        await ApproveInstallmentAsync(file, 2, turn++);

        await TaskAsync(Approver, turn, file, "evaluation", "candidate");
        await StepAsync(Approver, turn, file, "evaluation", $"/api/applications/{file.Id}/evaluation", new
        {
            energySavedTce = 2_000m, outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4, comment = "Savings as promised.",
        }, $"evaluating {file.Number}");
    }

    /// <summary>Finance approves the payment order the process made for installment <paramref name="number"/> (the bank pays it later).</summary>
    private async Task ApproveInstallmentAsync(GreenParkFile file, int number, int turn)
    {
        JsonElement order = default;
        await UntilAsync(async () =>
        {
            var orders = (await patient.GetAsync(people.On(Finance, turn), $"/api/ledger/payment-orders?applicationId={file.Id}")).EnumerateArray()
                .Where(o => o.GetProperty("installmentNumber").GetInt32() == number).ToList();
            if (orders.Count == 0) return false;
            order = Assert.Single(orders);
            return true;
        }, $"{file.Number}'s payment order of installment {number}");
        var id = order.GetProperty("id").GetGuid();
        for (var attempt = 1; ; attempt++)
        {
            var approved = await Send(Finance, turn + attempt, HttpMethod.Post, $"/api/ledger/payment-orders/{id}/approve", new { });
            if (approved.StatusCode == HttpStatusCode.OK) return;
            // Lost a race on the budget's version with another payment's booking (nothing changed): try again. Or an
            // earlier attempt committed and its answer was lost: the order has moved on.
            var status = (await patient.GetAsync(people.On(Finance, turn), $"/api/ledger/payment-orders/{id}")).GetProperty("status").GetString();
            if (status != "awaiting-approval") return;
            Assert.True(approved.StatusCode == HttpStatusCode.Conflict && attempt < 10,
                $"approving {file.Number}'s order of installment {number} answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
            await Task.Delay(200 * attempt);
        }
    }

    public async Task<string> StatusAsync(GreenParkFile file, int turn) => (await ApplicationAsync(file.Id, turn)).GetProperty("status").GetString()!;

    private Task<JsonElement> ApplicationAsync(Guid id, int turn) => patient.GetAsync(people.On(Applicant, turn), $"/api/applications/{id}");

    private Task<HttpResponseMessage> Send(string user, int turn, HttpMethod method, string url, object body, bool retryLostRaces = true) =>
        patient.SendAsync(people.On(user, turn), method, url, () => JsonContent.Create(body), retryLostRaces);

    private async Task CompleteAsync(string user, int turn, GreenParkFile file, string elementId, object variables)
    {
        var task = await TaskAsync(user, turn, file, elementId, "candidate");
        await StepAsync(user, turn + 1, file, elementId, $"/api/tasks/{task}/complete", new { variables }, $"{user} completing {elementId} of {file.Number}");
    }

    /// <summary>
    /// A step that completes the file's open <paramref name="elementId"/> task: answered 200, or not but the task is gone
    /// (an earlier attempt did it and its answer was lost with its node or the database).
    /// </summary>
    private async Task StepAsync(string user, int turn, GreenParkFile file, string elementId, string url, object body, string what)
    {
        var answer = await Send(user, turn, HttpMethod.Post, url, body);
        if (answer.StatusCode != HttpStatusCode.OK && await OpenTaskAsync(user, turn, file, elementId, "candidate") is not null)
            await AnswerAsync(answer, HttpStatusCode.OK, what);
    }

    private async Task<Guid> TaskAsync(string user, int turn, GreenParkFile file, string elementId, string scope)
    {
        Guid? task = null;
        await UntilAsync(async () => (task = await OpenTaskAsync(user, turn, file, elementId, scope)) is not null, $"{user}'s {elementId} task of {file.Number}");
        return task!.Value;
    }

    private async Task<Guid?> OpenTaskAsync(string user, int turn, GreenParkFile file, string elementId, string scope)
    {
        var tasks = await patient.GetAsync(people.On(user, turn), $"/api/tasks?scope={scope}&instanceId={file.Instance}");
        return tasks.EnumerateArray().Where(t => t.GetProperty("elementId").GetString() == elementId).Select(t => (Guid?)t.GetProperty("id").GetGuid()).FirstOrDefault();
    }

    /// <summary>The experts the lot seated on this file's panel (each finds the review among their own tasks).</summary>
    private async Task<List<string>> PanelAsync(GreenParkFile file, int turn)
    {
        var panel = new List<string>();
        await UntilAsync(async () =>
        {
            panel.Clear();
            foreach (var expert in People.Experts)
                if (await OpenTaskAsync(expert, turn++, file, "expertReview", "mine") is not null) panel.Add(expert);
            return panel.Count == PanelSize;
        }, $"the panel of {file.Number} to be drawn");
        return panel;
    }

    /// <summary>¥900,000 (30% of a ¥3,000,000 investment) for 2,000 tce saved a year; each project its own name and leader.</summary>
    private static object Project(string name, int n) => new
    {
        projectName = name, site = "Lingang", description = "Heat pumps replace the gas boilers.", projectLeaderName = "Sun Qi",
        projectLeaderIdentity = $"3101011980{(n % 12) + 1:00}{(n % 28) + 1:00}{n % 1000:000}X", inProjectPool = false, equipmentFen = 300_000_000L,
        energyBeforeTce = 3_000m, energyAfterTce = 1_000m, outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4,
    };

    /// <summary>
    /// The enterprise attaches a document of <paramref name="kind"/>: the same bytes on every attempt (a fixed boundary),
    /// since a retry with the same Idempotency-Key must resend exactly the first request.
    /// </summary>
    private Task<HttpResponseMessage> AttachAsync(Guid application, string kind, int turn) =>
        patient.SendAsync(people.On(Applicant, turn), HttpMethod.Post, $"/api/applications/{application}/attachments", () =>
        {
            var form = new MultipartFormDataContent($"{kind}-boundary");
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", $"{kind}.pdf");
            form.Add(new StringContent(kind), "kind");
            return form;
        });

    private static Task<JsonElement> AnswerAsync(HttpResponseMessage response, HttpStatusCode expected, string what, Func<Task<JsonElement>>? carriedOut = null) =>
        Answers.ExpectAsync(response, expected, what, carriedOut);

    private Task UntilAsync(Func<Task<bool>> condition, string what) => Answers.UntilAsync(condition, () => what, deadline);
}
