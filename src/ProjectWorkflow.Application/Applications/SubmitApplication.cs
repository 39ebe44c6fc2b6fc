using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
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
    private static readonly ApplicationStatus[] Inactive = [ApplicationStatus.Draft, ApplicationStatus.Withdrawn, ApplicationStatus.Rejected];

    public async Task<ApplicationView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        if (application.Status != ApplicationStatus.Draft)
            throw new ConflictException($"The application was already submitted (it is {ApplicationStatusText.InWords(application.Status)}).");
        var problems = await CompletenessAsync(application, cancellationToken);
        if (problems.Count > 0) throw new InvalidRequestException(problems);

        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var now = time.GetUtcNow();
        Check.Rules(
            new ApplicationWindowClosedRule(rules.Window, now),
            new EnterpriseUnderSanctionRule(await SanctionsAsync(application, cancellationToken), now),
            new ProjectAlreadyFundedRule(await EarlierSupportAsync(application, cancellationToken)),
            new NotInProjectPoolRule(rules.RequiresProjectPool, application.InProjectPool));

        var processKey = await db.Set<SchemeRecord>().Where(s => s.Key == application.SchemeKey).Select(s => s.ProcessKey).FirstAsync(cancellationToken);
        var definition = await catalog.FindLatestAsync(db, processKey, cancellationToken)
            ?? throw new ConflictException($"The process '{processKey}' is not deployed; an administrator must deploy it before applications can be submitted.");

        application.Move(ApplicationStatus.Submitted, "submitted");
        application.SubmittedAt = now;
        application.UpdatedAt = now;
        application.Revision++;
        application.InstanceId = Guid.NewGuid();
        var breakdown = new InvestmentBreakdown(new Money(application.EquipmentFen), new Money(application.SoftwareFen), new Money(application.ConstructionFen), new Money(application.OtherFen));
        var variables = new JsonObject
        {
            ["applicationId"] = application.Id.ToString(),
            ["applicationNumber"] = application.Number,
            ["applicant"] = actor.Id,
            ["schemeKey"] = application.SchemeKey,
            ["year"] = application.Year,
            ["eligibleInvestmentFen"] = breakdown.Eligible(rules.EligibleCostCategories).Fen,
            ["totalInvestmentFen"] = breakdown.Total.Fen,
        };
        await commands.RunAsync(actor,
            session => session.StartAsync(definition, application.InstanceId.Value, application.Number, variables, cancellationToken: cancellationToken),
            cancellationToken);
        return await ApplicationViews.OfAsync(db, application, cancellationToken);
    }

    private async Task<List<FieldError>> CompletenessAsync(FundingApplication a, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        void Need(bool ok, string field, string message)
        {
            if (!ok) problems.Add(new FieldError(field, message));
        }
        Need(a.ProjectName.Length > 0, "projectName", "Name the project. 请填写项目名称。");
        Need(a.Site.Length > 0, "site", "Give the project's site. 请填写建设地点。");
        Need(a.Description.Length > 0, "description", "Describe the project. 请填写项目简介。");
        Need(a.ProjectLeaderName.Length > 0, "projectLeaderName", "Name the project leader. 请填写项目负责人。");
        Need(a.ProjectLeaderIdentity.Length > 0, "projectLeaderIdentity", "Give the project leader's identity number. 请填写项目负责人证件号码。");
        Need(a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen > 0, "investment", "Enter the investment by category. 请填写投资构成。");
        Need(await db.Set<AttachmentRecord>().AnyAsync(x => x.ApplicationId == a.Id && x.Kind == "feasibility-report", cancellationToken),
            "attachments", "Attach the feasibility report (kind feasibility-report). 请上传可行性研究报告。");
        return problems;
    }

    private async Task<List<CreditSanction>> SanctionsAsync(FundingApplication a, CancellationToken cancellationToken) =>
        await db.Set<CreditSanction>().AsNoTracking()
            .Where(s => s.Subject == a.Uscc || s.Subject == a.ProjectLeaderIdentity).ToListAsync(cancellationToken);

    /// <summary>Other live applications for the same project (USCC + fingerprint) or claiming one of the same invoices.</summary>
    private async Task<List<FundedProject>> EarlierSupportAsync(FundingApplication a, CancellationToken cancellationToken)
    {
        var matches = await db.Set<FundingApplication>().AsNoTracking()
            .Where(o => o.Id != a.Id && o.Fingerprint == a.Fingerprint && !Inactive.Contains(o.Status))
            .Select(o => new FundedProject(o.Number, o.SchemeKey, "same enterprise, project and site"))
            .ToListAsync(cancellationToken);
        foreach (var invoice in a.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var claims = await db.Set<FundingApplication>().AsNoTracking()
                .Where(o => o.Id != a.Id && !Inactive.Contains(o.Status) && o.InvoiceNumbers.Contains(invoice))
                .Select(o => new { o.Number, o.SchemeKey, o.InvoiceNumbers }).ToListAsync(cancellationToken);
            matches.AddRange(claims.Where(c => c.InvoiceNumbers.Split(',').Contains(invoice))
                .Select(c => new FundedProject(c.Number, c.SchemeKey, $"invoice {invoice} already claimed")));
        }
        return matches;
    }
}
