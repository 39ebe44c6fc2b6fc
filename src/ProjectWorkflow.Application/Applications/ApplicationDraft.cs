using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Applications;

public sealed record StartDraftRequest(string? SchemeKey, int? Year);

/// <summary>Every field is optional: the portal autosaves whatever the clerk has typed so far.</summary>
public sealed record SaveDraftRequest(
    long? Revision,
    string? ProjectName,
    string? Site,
    string? Description,
    string? ProjectLeaderName,
    string? ProjectLeaderIdentity,
    bool? InProjectPool,
    string? TitleSought,
    long? EquipmentFen,
    long? SoftwareFen,
    long? ConstructionFen,
    long? OtherFen,
    decimal? EnergyBeforeTce,
    decimal? EnergyAfterTce,
    long? OutputFen,
    long? ValueAddedFen,
    int? Headcount,
    int? Robots,
    IReadOnlyList<string>? InvoiceNumbers);

/// <summary>Starting and autosaving a draft. A draft (or a file returned for supplement) is the enterprise's to change.</summary>
public sealed class ApplicationDraft(ProjectWorkflowDbContext db, ApplicationAccess access, RuleSets ruleSets, TimeProvider time)
{
    private static readonly Dictionary<string, string> Prefixes = new() { ["tech-upgrade"] = "TU", ["smart-factory"] = "SF", ["green-park"] = "GP" };

    public async Task<ApplicationView> StartAsync(StartDraftRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SchemeKey))
            throw InvalidRequestException.For("schemeKey", "Choose the scheme: tech-upgrade, smart-factory or green-park.");
        var scheme = await db.Set<SchemeRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == request.SchemeKey, cancellationToken)
            ?? throw InvalidRequestException.For("schemeKey", $"There is no scheme '{request.SchemeKey}'; choose tech-upgrade, smart-factory or green-park.");
        var enterprise = await db.Set<EnterpriseRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.Members.Any(m => m.UserName == actor.Id), cancellationToken)
            ?? throw new ConflictException("Register your enterprise (POST /api/enterprises) before you apply.");
        var now = time.GetUtcNow();
        var year = request.Year ?? ShanghaiDate.Of(now).Year;
        await ruleSets.ForAsync(scheme.Key, year, cancellationToken);

        for (var attempt = 0; ; attempt++)
        {
            var prefix = $"{Prefixes.GetValueOrDefault(scheme.Key, "AP")}-{year}-";
            var taken = await db.Set<FundingApplication>().Where(a => a.Number.StartsWith(prefix)).Select(a => a.Number).ToListAsync(cancellationToken);
            var next = taken.Select(n => int.TryParse(n[prefix.Length..], out var k) ? k : 0).DefaultIfEmpty(0).Max() + 1;
            var application = new FundingApplication
            {
                Id = Guid.NewGuid(),
                Number = $"{prefix}{next:D4}",
                SchemeKey = scheme.Key,
                Year = year,
                EnterpriseId = enterprise.Id,
                Uscc = enterprise.Uscc,
                CreatedBy = actor.Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return await ApplicationViews.OfAsync(db, application, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Two drafts took the same number at once: take the next one.
                db.Entry(application).State = EntityState.Detached;
            }
        }
    }

    public async Task<ApplicationView> SaveAsync(Guid id, SaveDraftRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.ReturnedForSupplement))
            throw new ConflictException($"The application is {ApplicationStatusText.InWords(application.Status)}; only a draft or a file returned for supplement can be edited.");
        if (request.Revision is { } revision && revision != application.Revision)
            throw new ConflictException("The draft was saved elsewhere (another tab or colleague) since you opened it; reload it to see their changes.");

        var errors = new List<FieldError>();
        string Text(string? value, string field, int max, string current)
        {
            if (value is null) return current;
            if (value.Length > max) errors.Add(new FieldError(field, $"At most {max} characters."));
            return value.Trim();
        }
        long Fen(long? value, string field, long current)
        {
            if (value is null) return current;
            if (value < 0) errors.Add(new FieldError(field, "An amount cannot be negative; amounts are integer fen (1 yuan = 100)."));
            return value.Value;
        }

        application.ProjectName = Text(request.ProjectName, "projectName", 300, application.ProjectName);
        application.Site = Text(request.Site, "site", 500, application.Site);
        application.Description = Text(request.Description, "description", 8000, application.Description);
        application.ProjectLeaderName = Text(request.ProjectLeaderName, "projectLeaderName", 100, application.ProjectLeaderName);
        application.ProjectLeaderIdentity = Text(request.ProjectLeaderIdentity, "projectLeaderIdentity", 64, application.ProjectLeaderIdentity);
        application.InProjectPool = request.InProjectPool ?? application.InProjectPool;
        application.TitleSought = request.TitleSought is null ? application.TitleSought : request.TitleSought.Trim();
        application.EquipmentFen = Fen(request.EquipmentFen, "equipmentFen", application.EquipmentFen);
        application.SoftwareFen = Fen(request.SoftwareFen, "softwareFen", application.SoftwareFen);
        application.ConstructionFen = Fen(request.ConstructionFen, "constructionFen", application.ConstructionFen);
        application.OtherFen = Fen(request.OtherFen, "otherFen", application.OtherFen);
        application.OutputFen = Fen(request.OutputFen, "outputFen", application.OutputFen);
        application.ValueAddedFen = Fen(request.ValueAddedFen, "valueAddedFen", application.ValueAddedFen);
        if (request.EnergyBeforeTce is < 0 || request.EnergyAfterTce is < 0) errors.Add(new FieldError("energy", "Energy use in tonnes of standard coal cannot be negative."));
        application.EnergyBeforeTce = request.EnergyBeforeTce ?? application.EnergyBeforeTce;
        application.EnergyAfterTce = request.EnergyAfterTce ?? application.EnergyAfterTce;
        if (request.Headcount is < 0 || request.Robots is < 0) errors.Add(new FieldError("headcount", "Counts cannot be negative."));
        application.Headcount = request.Headcount ?? application.Headcount;
        application.Robots = request.Robots ?? application.Robots;
        if (request.InvoiceNumbers is { } invoices)
        {
            if (invoices.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 40 || i.Contains(',')))
                errors.Add(new FieldError("invoiceNumbers", "Each invoice number is 1 to 40 characters, without commas."));
            application.InvoiceNumbers = string.Join(",", invoices.Select(i => i.Trim().ToUpperInvariant()).Distinct());
        }
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        if (application.ProjectName.Length > 0 && application.Site.Length > 0)
            application.Fingerprint = ProjectFingerprint.Of(Uscc.Parse(application.Uscc), application.ProjectName, application.Site);
        application.UpdatedAt = time.GetUtcNow();
        application.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The draft was saved elsewhere at the same moment; reload it and try again.");
        }
        return await ApplicationViews.OfAsync(db, application, cancellationToken);
    }
}
