using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Application.Workflows.Timers;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// The demo enterprise's applications, each scheme at each stage the demo can reach on the day it starts, so every
/// demo user finds work: drafts; files with the district (reviewer1), one returned for supplement (enterprise1), files
/// with the panel (the experts), one at the site check (approver1), in public notice, one approved whose first
/// installment waits for the finance officer (finance1), files building with their quarterly progress report due, files
/// with acceptance requested (approver1), files closed (accepted, both installments paid, evaluated), and a second
/// enterprise's (enterprise2) files recovered (追回, the money received back, the enterprise and leaders sanctioned). Each is driven through the real use cases and processes as the
/// demo user who would act, so its journal, notifications, ledger and audit log are what that user's clicks would leave.
/// The approved one is walked three weeks back in time (<see cref="DemoClock"/>), so its public notice has ended by the
/// time the app serves and its timer fires as any due timer does; the later ones start 130 days back. Their installments
/// are paid by the treasury over the app's messages, so this runs once messages flow (<see cref="Persistence.DatabaseReady"/>). Seeded once, into a database where the demo enterprise
/// has no application yet.
/// </summary>
public sealed class DemoApplications(IServiceScopeFactory scopes, TimeProvider time, ILogger<DemoApplications> logger)
{
    /// <summary>How far back the file that must be past its notice is walked.</summary>
    public static readonly TimeSpan Backdated = TimeSpan.FromDays(21);

    /// <summary>
    /// A project of the demo enterprise that the district has entered in the pool's register but nobody has applied for:
    /// the one a new user can take straight to a tech-upgrade or smart-factory application (those schemes check the pool).
    /// </summary>
    public const string ReadyProject = "示范：焊装线机器人改造 Welding line robots";

    /// <summary>How far each demo file is taken.</summary>
    public enum Stage { Draft, DistrictReview, Supplement, Panel, SiteCheck, PublicNotice, FirstInstallment, Building, AcceptanceRequested, Closed, Recovered }

    /// <summary>
    /// How far back the files past their first installment start: their notice ended, the agreement was signed and the
    /// first installment paid about 110 days ago, so the quarterly progress report of one still building is due today.
    /// </summary>
    public static readonly TimeSpan LateBackdated = TimeSpan.FromDays(130);

    /// <summary>
    /// The second demo enterprise, whose project was recovered (追回): it is under the credit sanction a recovery brings,
    /// so it cannot be the demo's first enterprise, which must be able to apply at once.
    /// </summary>
    public const string RecoveredEnterpriseUser = "enterprise2";
    public const string RecoveredEnterpriseUscc = "91310000MA1FL4UJ5Y";
    public const string RecoveredEnterpriseName = "Demo Green Materials Co., Ltd. 示范绿色材料有限公司";
    public const string RecoveredEnterpriseAccount = "6222021001007654321";

    private sealed record Demo(string Scheme, Stage Stage, string Name, string Site, long EquipmentFen, long SoftwareFen, decimal EnergyBeforeTce = 0, decimal EnergyAfterTce = 0)
    {
        public bool Late => Stage >= Stage.Building;

        public bool OfRecoveredEnterprise => Stage == Stage.Recovered;
    }

    private static readonly Demo[] Files =
    [
        new("tech-upgrade", Stage.Draft, "示范：五号线伺服压机改造 Press line 5 servo retrofit", "Jinqiao, Pudong", 800_000_000, 50_000_000),
        new("smart-factory", Stage.DistrictReview, "示范：总装车间数字孪生 Assembly hall digital twin", "Zhangjiang, Pudong", 600_000_000, 300_000_000),
        new("tech-upgrade", Stage.DistrictReview, "示范：热处理线节能改造 Heat-treatment line upgrade", "Kangqiao, Pudong", 1_200_000_000, 0),
        new("green-park", Stage.Supplement, "示范：屋顶光伏与储能 Rooftop solar and storage", "Lingang", 400_000_000, 0, 2_400m, 1_600m),
        new("green-park", Stage.Panel, "示范：余热回收 Waste-heat recovery", "Lingang", 300_000_000, 0, 3_000m, 1_000m),
        new("tech-upgrade", Stage.Panel, "示范：精密铸造线改造 Precision casting line", "Songjiang", 2_000_000_000, 100_000_000),
        new("smart-factory", Stage.SiteCheck, "示范：智能仓储物流 Automated warehouse", "Jiading", 900_000_000, 200_000_000),
        new("tech-upgrade", Stage.PublicNotice, "示范：数控机床更新 CNC machine renewal", "Minhang", 1_500_000_000, 0),
        new("green-park", Stage.FirstInstallment, "示范：空压站节能 Compressed-air station savings", "Baoshan", 250_000_000, 0, 2_000m, 1_200m),
        new("smart-factory", Stage.Building, "示范：柔性装配线 Flexible assembly line", "Songjiang", 1_000_000_000, 200_000_000),
        new("tech-upgrade", Stage.AcceptanceRequested, "示范：涂装线环保改造 Paint line clean-air retrofit", "Jiading", 1_100_000_000, 0),
        new("green-park", Stage.Closed, "示范：电机系统节能 Motor system savings", "Fengxian", 200_000_000, 0, 1_800m, 1_100m),
        // Each scheme at every stage: the files above took each stage with some scheme; these give it the other two.
        new("smart-factory", Stage.Draft, "示范：质量检测视觉系统 Vision quality inspection", "Zhangjiang, Pudong", 500_000_000, 150_000_000),
        new("green-park", Stage.Draft, "示范：园区照明改造 Park lighting retrofit", "Lingang", 150_000_000, 0, 1_200m, 900m),
        new("green-park", Stage.DistrictReview, "示范：锅炉煤改气 Boiler gas conversion", "Songjiang", 350_000_000, 0, 2_600m, 1_700m),
        new("smart-factory", Stage.Panel, "示范：设备联网平台 Machine connectivity platform", "Jiading", 700_000_000, 250_000_000),
        new("smart-factory", Stage.PublicNotice, "示范：智能排产系统 Smart scheduling system", "Minhang", 800_000_000, 200_000_000),
        new("green-park", Stage.PublicNotice, "示范：变频水泵 Variable-speed pumps", "Baoshan", 180_000_000, 0, 1_500m, 1_000m),
        new("tech-upgrade", Stage.Building, "示范：冲压线自动化 Stamping line automation", "Songjiang", 1_300_000_000, 0),
        new("green-park", Stage.Building, "示范：窑炉余热发电 Kiln waste-heat power", "Baoshan", 320_000_000, 0, 2_800m, 1_900m),
        new("smart-factory", Stage.AcceptanceRequested, "示范：AGV物流改造 AGV logistics", "Jiading", 850_000_000, 150_000_000),
        new("green-park", Stage.AcceptanceRequested, "示范：蒸汽管网保温 Steam network insulation", "Minhang", 160_000_000, 0, 1_600m, 1_150m),
        new("tech-upgrade", Stage.Closed, "示范：锻造线节能改造 Forging line upgrade", "Minhang", 1_000_000_000, 0),
        new("smart-factory", Stage.Closed, "示范：MES系统升级 MES upgrade", "Zhangjiang, Pudong", 700_000_000, 300_000_000),
        // The second enterprise's files: all three are built and paid before the first recovery sanctions it (see SeedAsync).
        new("tech-upgrade", Stage.Recovered, "示范：挤出线改造 Extrusion line retrofit", "Jinshan", 900_000_000, 0),
        new("smart-factory", Stage.Recovered, "示范：数字化车间 Digital workshop", "Jinshan", 600_000_000, 200_000_000),
        new("green-park", Stage.Recovered, "示范：冷却塔改造 Cooling tower retrofit", "Jinshan", 240_000_000, 0, 2_200m, 1_400m),
    ];

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n45\n%%EOF\n"u8.ToArray();

    private static readonly Actor Applicant = Actor.User(DemoEnterpriseSeed.UserName, Roles.Enterprise);
    private static readonly Actor Reviewer = Actor.User("reviewer1", Roles.DistrictReviewer);
    private static readonly Actor Approver = Actor.User("approver1", Roles.DeptApprover);
    private static readonly Actor Finance = Actor.User("finance1", Roles.Finance);
    private static readonly Actor RecoveredApplicant = Actor.User(RecoveredEnterpriseUser, Roles.Enterprise);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == DemoEnterpriseSeed.Uscc, cancellationToken);
            if (enterprise is null || await db.Set<FundingApplication>().AnyAsync(a => a.EnterpriseId == enterprise.Id, cancellationToken)) return;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var year = Funding.Calendar.ShanghaiDate.Of(time.GetUtcNow()).Year;
        await AsAsync(Reviewer, async (services, _) =>
        {
            await EnterPoolAsync(services, DemoEnterpriseSeed.Uscc, ReadyProject, year, cancellationToken);
            return true;
        }, cancellationToken);
        await SecondEnterpriseAsync(cancellationToken);
        // A recovery sanctions its enterprise (no application, no payment for years): the files to be recovered are
        // first all built and paid, and recovered together once every file has been walked.
        var toRecover = new List<(Demo Demo, Guid Id)>();
        for (var i = 0; i < Files.Length; i++)
        {
            var backdate = (Files[i].Stage == Stage.FirstInstallment || Files[i].Late) && time is DemoClock;
            var walked = started.Elapsed;
            try
            {
                if (backdate) ((DemoClock)time).Shift = Files[i].Late ? -LateBackdated : -Backdated;
                if (await WalkAsync(Files[i], i, year, cancellationToken) is { } built) toRecover.Add((Files[i], built));
                logger.LogDebug("Walked the demo {Scheme} file to {Stage} in {Seconds:F1} s", Files[i].Scheme, Files[i].Stage, (started.Elapsed - walked).TotalSeconds);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A demo file that cannot be taken as far (rules or processes changed) must not stop the demo starting.
                logger.LogWarning(failure, "The demo {Scheme} file '{Name}' stopped short of {Stage}", Files[i].Scheme, Files[i].Name, Files[i].Stage);
            }
            finally
            {
                if (backdate) ((DemoClock)time).Shift = TimeSpan.Zero;
            }
        }
        foreach (var (demo, id) in toRecover)
        {
            try
            {
                await RecoverAsync(demo, id, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "The demo {Scheme} file '{Name}' stopped short of {Stage}", demo.Scheme, demo.Name, demo.Stage);
            }
            finally
            {
                MoveClock(TimeSpan.Zero);
            }
        }
        // Today: the quarterly progress report of the file still building falls due, as the sweep fires any due timer.
        await AsAsync(Actor.System, async (services, _) =>
        {
            await services.GetRequiredService<SweepDueTimers>().RunAsync(cancellationToken);
            return true;
        }, cancellationToken);
        logger.LogInformation("Seeded {Count} demo applications in {Seconds:F1} s", Files.Length, started.Elapsed.TotalSeconds);
    }

    /// <summary>The second demo enterprise and its applicant, with a bank account finance approved (see <see cref="RecoveredEnterpriseUser"/>).</summary>
    private async Task SecondEnterpriseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByNameAsync(RecoveredEnterpriseUser) is null)
        {
            var user = new PortalUser
            {
                UserName = RecoveredEnterpriseUser, DisplayName = "Demo Enterprise Applicant Two", Organisation = "Demo Green Materials Co., Ltd.",
                Email = $"{RecoveredEnterpriseUser}@{DemoUsers.EmailDomain}", EmailConfirmed = true,
            };
            (await users.CreateAsync(user, DemoUsers.Password)).ThrowIfFailed($"create demo user '{RecoveredEnterpriseUser}'");
            (await users.AddToRoleAsync(user, Roles.Enterprise)).ThrowIfFailed($"give '{RecoveredEnterpriseUser}' role '{Roles.Enterprise}'");
        }
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        if (await db.Set<Enterprise>().AnyAsync(e => e.Uscc == RecoveredEnterpriseUscc, ct)) return;
        var now = time.GetUtcNow();
        var enterprise = Enterprise.Register(Uscc.Parse(RecoveredEnterpriseUscc), RecoveredEnterpriseName, "No. 6 Jinshan Avenue, Jinshan District, Shanghai", "seed", now, firstMember: RecoveredEnterpriseUser);
        db.Add(enterprise);
        var account = enterprise.RequestBankAccount("Bank of Shanghai, Jinshan Branch 上海银行金山支行", RecoveredEnterpriseAccount, RecoveredEnterpriseUser, now);
        account.Approve(Finance.Id, actsForEnterprise: false, now, "demo data");
        db.Add(account);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a demo file's form says: its project, its investment, and the plan indicators it promises.</summary>
    private static SaveDraftRequest Promised(Demo demo, int index) => DemoIndicators.Promise(new SaveDraftRequest(null, demo.Name, demo.Site,
            "示范申报：设备更新与工艺改造，提高效率、降低能耗。 Demo file: equipment renewal and process upgrade.",
            "Li Ming 李明", $"31011519800101{index:D3}X", null, demo.EquipmentFen, demo.SoftwareFen, 0, 0,
            demo.EnergyBeforeTce, demo.EnergyAfterTce, 5_000_000_000, 1_000_000_000, 120, 8, [$"DEMO-{index:D2}-0001", $"DEMO-{index:D2}-0002"]),
        demo.EquipmentFen + demo.SoftwareFen, demo.EnergyBeforeTce - demo.EnergyAfterTce, index);

    /// <summary>Takes a file as far as its stage; a file to be recovered is taken as far as building, paid, and returned.</summary>
    private async Task<Guid?> WalkAsync(Demo demo, int index, int year, CancellationToken ct)
    {
        var applicant = demo.OfRecoveredEnterprise ? RecoveredApplicant : Applicant;
        var uscc = demo.OfRecoveredEnterprise ? RecoveredEnterpriseUscc : DemoEnterpriseSeed.Uscc;
        var id = await AsAsync(applicant, async (services, actor) =>
        {
            var drafts = services.GetRequiredService<ApplicationDraft>();
            var draft = await drafts.StartAsync(new StartDraftRequest(demo.Scheme, year), actor, ct);
            await drafts.SaveAsync(draft.Id, Promised(demo, index), actor, ct);
            await EnterPoolAsync(services, uscc, demo.Name, year, ct, DistrictOf(demo.Site));
            await using var pdf = new MemoryStream(Pdf);
            await services.GetRequiredService<Attachments>().UploadAsync(draft.Id, "feasibility-report", "feasibility.pdf", pdf, Pdf.Length, actor, ct);
            return draft.Id;
        }, ct);
        if (demo.Stage == Stage.Draft) return null;

        var instance = await AsAsync(applicant, async (services, actor) =>
            (await services.GetRequiredService<SubmitApplication>().HandleAsync(id, actor, ct)).InstanceId!.Value, ct);
        if (demo.Stage == Stage.DistrictReview) return null;

        if (demo.Stage == Stage.Supplement)
        {
            await CompleteAsync(Reviewer, instance, "districtReview", new JsonObject
            {
                ["districtOutcome"] = "return", ["supplementDays"] = 10,
                ["returnReason"] = "请补充近三年能源审计报告。 Add the energy audit report of the last three years.",
            }, ct);
            return null;
        }
        await CompleteAsync(Reviewer, instance, "districtReview", new JsonObject { ["districtOutcome"] = "recommend" }, ct);
        if (demo.Stage == Stage.Panel) return null;

        await PanelAsync(id, instance, ct);
        if (demo.Stage == Stage.SiteCheck) return null;

        await CompleteAsync(Approver, instance, "siteCheck", new JsonObject { ["siteOutcome"] = "pass" }, ct);
        await CompleteAsync(Approver, instance, "jointReview", new JsonObject { ["jointOutcome"] = "approve" }, ct);
        if (demo.Stage == Stage.PublicNotice) return null;

        // The notice ended (today for the file awaiting its first installment, about 110 days ago for the later ones), and its
        // timer fires as the sweep fires any due timer.
        MoveClock(demo.Late ? -LateBackdated + Backdated : TimeSpan.Zero);
        await AsAsync(Actor.System, async (services, _) =>
        {
            await services.GetRequiredService<SweepDueTimers>().RunAsync(ct);
            return true;
        }, ct);
        await AsAsync(applicant, async (services, actor) =>
            await services.GetRequiredService<SignAgreement>().HandleAsync(id, demo.OfRecoveredEnterprise
                ? new SignAgreementRequest(RecoveredEnterpriseName, RecoveredEnterpriseAccount)
                : new SignAgreementRequest(DemoEnterpriseSeed.Name, DemoEnterpriseSeed.BankAccount), actor, ct), ct);
        if (!demo.Late) return null;

        await PayNextInstallmentAsync(id, ct);
        if (demo.Stage == Stage.Building) return null;
        if (demo.Stage == Stage.Recovered) return id;

        // Two months on: the project is built (acceptance requested).
        MoveClock(-LateBackdated + TimeSpan.FromDays(70));

        await AsAsync(applicant, async (services, actor) =>
        {
            await using var pdf = new MemoryStream(Pdf);
            var report = await services.GetRequiredService<Attachments>().UploadAsync(id, "audit-report", "audit.pdf", pdf, Pdf.Length, actor, ct);
            return await services.GetRequiredService<RequestAcceptance>().HandleAsync(id, new RequestAcceptanceRequest(demo.EquipmentFen, demo.SoftwareFen, 0, 0, report.Id,
                "示范：设备已按协议安装调试完毕。 Demo: the equipment is installed and commissioned as agreed."), actor, ct);
        }, ct);
        if (demo.Stage == Stage.AcceptanceRequested) return null;

        MoveClock(-LateBackdated + TimeSpan.FromDays(90));
        await AsAsync(Approver, async (services, actor) =>
            await services.GetRequiredService<ReviewAcceptance>().HandleAsync(id,
                new ReviewAcceptanceRequest("pass", "示范：现场核查与协议一致。 Demo: the site matches the agreement."), actor, ct), ct);
        await PayNextInstallmentAsync(id, ct);
        await AsAsync(Approver, async (services, actor) =>
            await services.GetRequiredService<EvaluatePerformance>().HandleAsync(id,
                DemoIndicators.Deliver(new EvaluatePerformanceRequest(demo.EnergyBeforeTce - demo.EnergyAfterTce, 5_000_000_000, 1_000_000_000, 8, "示范：目标基本达成。 Demo: targets met."),
                    Promised(demo, index), index), actor, ct), ct);
        return null;
    }

    /// <summary>
    /// Two months after its first installment the department finds a file's savings were claimed falsely and orders the
    /// money back (追回, which sanctions the enterprise and its leader); finance receives it three weeks later.
    /// </summary>
    private async Task RecoverAsync(Demo demo, Guid id, CancellationToken ct)
    {
        MoveClock(-LateBackdated + TimeSpan.FromDays(70));
        var reason = demo.EnergyBeforeTce > 0
            ? "示范：节能量核查发现虚报节能量。 Demo: the energy audit found the savings overstated."
            : "示范：专项审计发现虚报设备投资。 Demo: the audit found the equipment investment overstated.";
        await AsAsync(Approver, async (services, actor) =>
            await services.GetRequiredService<OrderRecovery>().HandleAsync(id, new OrderRecoveryRequest(reason), actor, ct), ct);
        MoveClock(-LateBackdated + TimeSpan.FromDays(90));
        await AsAsync(Finance, async (services, actor) =>
        {
            var db = services.GetRequiredService<ProjectWorkflowDbContext>();
            var recovery = await db.Set<Recovery>().AsNoTracking().FirstAsync(r => r.ApplicationId == id, ct);
            return await services.GetRequiredService<ReceiveRecovery>().HandleAsync(recovery.Id, actor, ct);
        }, ct);
    }

    private void MoveClock(TimeSpan shift)
    {
        if (time is DemoClock clock) clock.Shift = shift;
    }

    /// <summary>
    /// Finance approves the payment order the process made for the next installment, and the treasury (the simulated
    /// bank, over the app's messages) pays it: waits until the order is paid, which moves the project's process on.
    /// </summary>
    private async Task PayNextInstallmentAsync(Guid application, CancellationToken ct)
    {
        var order = await UntilAsync(async db => await db.Set<PaymentOrder>().AsNoTracking()
            .Where(o => o.ApplicationId == application && o.Status == PaymentOrderStatus.AwaitingApproval).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct), "a payment order", ct);
        await AsAsync(Finance, async (services, actor) => await services.GetRequiredService<ApprovePaymentOrder>().HandleAsync(order!.Value, actor, ct), ct);
        await UntilAsync(async db => await db.Set<PaymentOrder>().AsNoTracking()
            .AnyAsync(o => o.Id == order!.Value && o.Status == PaymentOrderStatus.Paid, ct) ? (Guid?)order : null, "the treasury to pay the installment", ct);
    }

    /// <summary>Polls (on the machine's clock, not the demo's) until <paramref name="probe"/> finds something, for at most a minute.</summary>
    private async Task<Guid?> UntilAsync(Func<ProjectWorkflowDbContext, Task<Guid?>> probe, string what, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await using (var scope = scopes.CreateAsyncScope())
                if (await probe(scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>()) is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited a minute for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    /// <summary>The district keeps the project pool's register (imported from Excel in real life): the demo's projects are in it.</summary>
    private async Task EnterPoolAsync(IServiceProvider services, string uscc, string project, int year, CancellationToken ct, string? district = null)
    {
        var db = services.GetRequiredService<ProjectWorkflowDbContext>();
        var entry = ProjectPoolEntry.Enter(Uscc.Parse(uscc), project, year, district, Guid.NewGuid(), Reviewer.Id, time.GetUtcNow());
        db.Add(entry);
        services.GetRequiredService<AuditTrail>().Record("project-pool.entered", "project-pool", entry.Id.ToString(), detail: $"demo project {project}, pool year {year}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The district the register files a demo site under (the reviewers' inbox filters by it).</summary>
    private static string? DistrictOf(string site) => site switch
    {
        _ when site.Contains("Pudong", StringComparison.Ordinal) || site.Contains("Lingang", StringComparison.Ordinal) => "浦东新区",
        _ when site.Contains("Songjiang", StringComparison.Ordinal) => "松江区",
        _ when site.Contains("Jiading", StringComparison.Ordinal) => "嘉定区",
        _ when site.Contains("Minhang", StringComparison.Ordinal) => "闵行区",
        _ when site.Contains("Baoshan", StringComparison.Ordinal) => "宝山区",
        _ => null,
    };

    /// <summary>Every seated expert declares no conflict and scores four-fifths of each criterion's points.</summary>
    private async Task PanelAsync(Guid application, Guid instance, CancellationToken ct)
    {
        List<string> experts;
        int year;
        string scheme;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            experts = await db.Set<TaskRecord>().AsNoTracking()
                .Where(t => t.InstanceId == instance && t.ElementId == PanelReview.ReviewElementId && t.Status == TaskStatuses.Open && t.Assignee != null)
                .Select(t => t.Assignee!).ToListAsync(ct);
            var file = await db.Set<FundingApplication>().AsNoTracking().FirstAsync(a => a.Id == application, ct);
            (year, scheme) = (file.Year, file.SchemeKey);
        }
        foreach (var expert in experts)
            await AsAsync(Actor.User(expert, Roles.Expert), async (services, actor) =>
            {
                var rules = await services.GetRequiredService<RuleSets>().ForAsync(scheme, year, ct);
                var panel = services.GetRequiredService<PanelReview>();
                await panel.DeclareAsync(application, new DeclarationRequest(false, false, false, false, false), actor, ct);
                var points = rules.Panel.Rubric.ToDictionary(c => c.Key, c => Math.Round(c.MaxPoints * 0.8m, 1));
                await panel.ScoreAsync(application, new ScoresRequest(points, null), actor, ct);
                return true;
            }, ct);
    }

    private Task CompleteAsync(Actor actor, Guid instance, string elementId, JsonObject variables, CancellationToken ct) =>
        AsAsync(actor, async (services, who) =>
        {
            var db = services.GetRequiredService<ProjectWorkflowDbContext>();
            var task = await db.Set<TaskRecord>().AsNoTracking()
                .FirstAsync(t => t.InstanceId == instance && t.ElementId == elementId && t.Status == TaskStatuses.Open, ct);
            await services.GetRequiredService<TaskOperations>().CompleteAsync(task.Id, new CompleteTaskRequest(variables), who, ct);
            return true;
        }, ct);

    /// <summary>One action in its own scope, audited as the demo user who takes it.</summary>
    private async Task<T> AsAsync<T>(Actor actor, Func<IServiceProvider, Actor, Task<T>> action, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // As a request's sign-in does: the demo applicant acts with the group of the enterprise it acts for.
        actor = await EnterpriseGroups.AddToAsync(scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>(), actor, ct);
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Actor = actor == Actor.System
            ? AuditActor.System
            : new AuditActor(actor.Id, [.. actor.Groups]);
        ct.ThrowIfCancellationRequested();
        return await action(scope.ServiceProvider, actor);
    }
}
