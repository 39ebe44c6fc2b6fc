using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
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

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// The demo enterprise's applications, one of each scheme at each stage the demo can reach on the day it starts, so every
/// demo user finds work: a draft; files with the district (reviewer1), one returned for supplement (enterprise1), files
/// with the panel (the experts), at the site check (approver1), in public notice, and one approved whose first
/// installment waits for the finance officer (finance1). Each is driven through the real use cases and processes as the
/// demo user who would act, so its journal, notifications, ledger and audit log are what that user's clicks would leave.
/// The approved one is walked three weeks back in time (<see cref="DemoClock"/>), so its public notice has ended by the
/// time the app serves and its timer fires as any due timer does. Seeded once, into a database where the demo enterprise
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
    public enum Stage { Draft, DistrictReview, Supplement, Panel, SiteCheck, PublicNotice, FirstInstallment }

    private sealed record Demo(string Scheme, Stage Stage, string Name, string Site, long EquipmentFen, long SoftwareFen, decimal EnergyBeforeTce = 0, decimal EnergyAfterTce = 0);

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
    ];

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n45\n%%EOF\n"u8.ToArray();

    private static readonly Actor Applicant = Actor.User(DemoEnterpriseSeed.UserName, Roles.Enterprise);
    private static readonly Actor Reviewer = Actor.User("reviewer1", Roles.DistrictReviewer);
    private static readonly Actor Approver = Actor.User("approver1", Roles.DeptApprover);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == DemoEnterpriseSeed.Uscc, cancellationToken);
            if (enterprise is null || await db.Set<FundingApplication>().AnyAsync(a => a.EnterpriseId == enterprise.Id, cancellationToken)) return;
        }
        var year = Funding.Calendar.ShanghaiDate.Of(time.GetUtcNow()).Year;
        await AsAsync(Reviewer, async (services, _) =>
        {
            await EnterPoolAsync(services, ReadyProject, year, cancellationToken);
            return true;
        }, cancellationToken);
        for (var i = 0; i < Files.Length; i++)
        {
            var backdate = Files[i].Stage == Stage.FirstInstallment && time is DemoClock;
            try
            {
                if (backdate) ((DemoClock)time).Shift = -Backdated;
                await WalkAsync(Files[i], i, year, cancellationToken);
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
    }

    private async Task WalkAsync(Demo demo, int index, int year, CancellationToken ct)
    {
        var id = await AsAsync(Applicant, async (services, actor) =>
        {
            var drafts = services.GetRequiredService<ApplicationDraft>();
            var draft = await drafts.StartAsync(new StartDraftRequest(demo.Scheme, year), actor, ct);
            await drafts.SaveAsync(draft.Id, new SaveDraftRequest(null, demo.Name, demo.Site,
                "示范申报：设备更新与工艺改造，提高效率、降低能耗。 Demo file: equipment renewal and process upgrade.",
                "Li Ming 李明", $"31011519800101{index:D3}X", null, demo.EquipmentFen, demo.SoftwareFen, 0, 0,
                demo.EnergyBeforeTce, demo.EnergyAfterTce, 5_000_000_000, 1_000_000_000, 120, 8, [$"DEMO-{index:D2}-0001", $"DEMO-{index:D2}-0002"]), actor, ct);
            await EnterPoolAsync(services, demo.Name, year, ct, DistrictOf(demo.Site));
            await using var pdf = new MemoryStream(Pdf);
            await services.GetRequiredService<Attachments>().UploadAsync(draft.Id, "feasibility-report", "feasibility.pdf", pdf, Pdf.Length, actor, ct);
            return draft.Id;
        }, ct);
        if (demo.Stage == Stage.Draft) return;

        var instance = await AsAsync(Applicant, async (services, actor) =>
            (await services.GetRequiredService<SubmitApplication>().HandleAsync(id, actor, ct)).InstanceId!.Value, ct);
        if (demo.Stage == Stage.DistrictReview) return;

        if (demo.Stage == Stage.Supplement)
        {
            await CompleteAsync(Reviewer, instance, "districtReview", new JsonObject
            {
                ["districtOutcome"] = "return", ["supplementDays"] = 10,
                ["returnReason"] = "请补充近三年能源审计报告。 Add the energy audit report of the last three years.",
            }, ct);
            return;
        }
        await CompleteAsync(Reviewer, instance, "districtReview", new JsonObject { ["districtOutcome"] = "recommend" }, ct);
        if (demo.Stage == Stage.Panel) return;

        await PanelAsync(id, instance, ct);
        if (demo.Stage == Stage.SiteCheck) return;

        await CompleteAsync(Approver, instance, "siteCheck", new JsonObject { ["siteOutcome"] = "pass" }, ct);
        await CompleteAsync(Approver, instance, "jointReview", new JsonObject { ["jointOutcome"] = "approve" }, ct);
        if (demo.Stage == Stage.PublicNotice) return;

        // Back to today: the notice ended two weeks ago, and its timer fires as the sweep fires any due timer.
        if (time is DemoClock clock) clock.Shift = TimeSpan.Zero;
        await AsAsync(Actor.System, async (services, _) =>
        {
            await services.GetRequiredService<SweepDueTimers>().RunAsync(ct);
            return true;
        }, ct);
        await AsAsync(Applicant, async (services, actor) =>
            await services.GetRequiredService<SignAgreement>().HandleAsync(id,
                new SignAgreementRequest(DemoEnterpriseSeed.Name, DemoEnterpriseSeed.BankAccount), actor, ct), ct);
    }

    /// <summary>The district keeps the project pool's register (imported from Excel in real life): the demo's projects are in it.</summary>
    private async Task EnterPoolAsync(IServiceProvider services, string project, int year, CancellationToken ct, string? district = null)
    {
        var db = services.GetRequiredService<ProjectWorkflowDbContext>();
        var entry = ProjectPoolEntry.Enter(Uscc.Parse(DemoEnterpriseSeed.Uscc), project, year, district, Guid.NewGuid(), Reviewer.Id, time.GetUtcNow());
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
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Actor = actor == Actor.System
            ? AuditActor.System
            : new AuditActor(actor.Id, [.. actor.Groups]);
        ct.ThrowIfCancellationRequested();
        return await action(scope.ServiceProvider, actor);
    }
}
