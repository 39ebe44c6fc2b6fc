using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The enterprise submits its draft. It must be complete and eligible — window open, no credit sanction
/// on the enterprise or the project leader, the project not supported by any scheme already, in the
/// project pool where the rules ask — and then the scheme's process starts, in the same transaction.
/// </summary>
public sealed class SubmitApplication(
    ProjectWorkflowDbContext db, ApplicationAccess access, RuleSets ruleSets, DefinitionCatalog catalog, WorkflowCommands commands, TimeProvider time)
{
    public async Task<ApplicationView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        application.EnsureSubmittable();
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var problems = await CompletenessAsync(application, rules, cancellationToken);
        if (problems.Count > 0) throw new InvalidRequestException(problems);

        var now = time.GetUtcNow();
        var pool = await db.Set<ProjectPoolEntry>().AsNoTracking().Where(e => e.Uscc == application.Uscc).ToListAsync(cancellationToken);
        application.Submit(rules, await SanctionsAsync(application, cancellationToken), await EarlierSupportAsync(application, cancellationToken), pool, Guid.NewGuid(), now);

        var processKey = await db.Set<SchemeRecord>().Where(s => s.Key == application.SchemeKey).Select(s => s.ProcessKey).FirstAsync(cancellationToken);
        var definition = await catalog.FindLatestAsync(db, processKey, cancellationToken)
            ?? throw new ConflictException($"The process '{processKey}' is not deployed; an administrator must deploy it before applications can be submitted.", $"流程“{processKey}”尚未部署，须由管理员部署后方可提交申报。");

        await InvoiceClaims.ClaimAsync(db, application, now, cancellationToken);
        var breakdown = application.Investment;
        var variables = new JsonObject
        {
            ["applicationId"] = application.Id.ToString(),
            ["applicationNumber"] = application.Number,
            ["applicant"] = actor.Id,
            // The enterprise's steps are offered to everyone acting for it, not only to the user who submitted.
            [EnterpriseGroups.Variable] = EnterpriseGroups.Of(application.EnterpriseId),
            ["schemeKey"] = application.SchemeKey,
            ["year"] = application.Year,
            ["eligibleInvestmentFen"] = breakdown.Eligible(rules.EligibleCostCategories).Fen,
            ["totalInvestmentFen"] = breakdown.Total.Fen,
            ["supportMethod"] = rules.OptionFor(application.SupportMethod)!.Key,
        };
        try
        {
            await commands.RunAsync(actor,
                session => session.StartAsync(definition, application.InstanceId!.Value, application.Number, variables, cancellationToken: cancellationToken),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another submission claimed one of these invoices at the same moment: the unique index let one through,
            // and this one is refused by the rule it would have broken, with nothing of it saved.
            var detached = await db.Set<FundingApplication>().AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
            var claimed = await InvoiceClaims.HeldByOthersAsync(db, detached, cancellationToken);
            if (claimed.Count == 0) throw;
            throw new FundingRuleBrokenException(new ProjectAlreadyFundedRule(claimed));
        }
        return await ApplicationViews.OfAsync(db, application, cancellationToken);
    }

    private async Task<List<FieldError>> CompletenessAsync(FundingApplication a, RuleSet rules, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        void Need(bool ok, string field, string message, string chinese)
        {
            if (!ok) problems.Add(FieldError.Of(field, message, chinese));
        }
        Need(a.ProjectName.Length > 0, "projectName", "Name the project.", "请填写项目名称。");
        Need(a.Site.Length > 0, "site", "Give the project's site.", "请填写建设地点。");
        Need(a.Description.Length > 0, "description", "Describe the project.", "请填写项目简介。");
        Need(a.ProjectLeaderName.Length > 0, "projectLeaderName", "Name the project leader.", "请填写项目负责人。");
        Need(a.ProjectLeaderIdentity.Length > 0, "projectLeaderIdentity", "Give the project leader's identity number.", "请填写项目负责人证件号码。");
        Need(a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen > 0, "investment", "Enter the investment by category.", "请填写投资构成。");
        // The rule set names the kinds required (shown to the applicant on the scheme); the rule says which are missing.
        var attached = await db.Set<AttachmentRecord>().Where(x => x.ApplicationId == a.Id).Select(x => x.Kind).Distinct().ToListAsync(cancellationToken);
        var attachments = new RequiredAttachmentsRule(rules.RequiredAttachments, attached);
        Need(!attachments.IsBroken(), "attachments", attachments.Message.English, attachments.Message.Chinese);
        return problems;
    }

    private async Task<List<CreditSanction>> SanctionsAsync(FundingApplication a, CancellationToken cancellationToken) =>
        await db.Set<CreditSanction>().AsNoTracking()
            .Where(s => s.Subject == a.Uscc || s.Subject == a.ProjectLeaderIdentity).ToListAsync(cancellationToken);

    /// <summary>Other live applications for the same project (USCC + fingerprint), and the claims others hold on one of its invoices.</summary>
    private async Task<List<FundedProject>> EarlierSupportAsync(FundingApplication a, CancellationToken cancellationToken)
    {
        var inactive = FundingApplication.Inactive.ToList();
        var matches = await db.Set<FundingApplication>().AsNoTracking()
            .Where(o => o.Id != a.Id && o.Fingerprint == a.Fingerprint && !inactive.Contains(o.Status))
            .Select(o => new FundedProject(o.Number, o.SchemeKey, "same enterprise, project and site"))
            .ToListAsync(cancellationToken);
        matches.AddRange(await InvoiceClaims.HeldByOthersAsync(db, a, cancellationToken));
        return matches;
    }
}
