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
using ProjectWorkflow.Funding.Invoices;

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
    IReadOnlyList<string>? InvoiceNumbers,
    string? SupportMethod = null,
    long? LoanInterestFen = null,
    string? Lender = null,
    long? LeasedEquipmentFen = null,
    long? RdSpendFen = null,
    int? InventionPatents = null,
    long? WaterBeforeM3 = null,
    long? WaterAfterM3 = null,
    decimal? Co2ReducedTonnes = null,
    decimal? SolidWasteTonnes = null,
    decimal? SolidWasteUtilisedTonnes = null,
    long? LandM2 = null);

/// <summary>Starting and autosaving a draft. A draft (or a file returned for supplement) is the enterprise's to change.</summary>
public sealed class ApplicationDraft(ProjectWorkflowDbContext db, ApplicationAccess access, RuleSets ruleSets, TimeProvider time)
{
    private static readonly Dictionary<string, string> Prefixes = new() { ["tech-upgrade"] = "TU", ["smart-factory"] = "SF", ["green-park"] = "GP" };

    public async Task<ApplicationView> StartAsync(StartDraftRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SchemeKey))
            throw InvalidRequestException.For("schemeKey", "Choose the scheme: tech-upgrade, smart-factory or green-park.", "请选择专项：tech-upgrade（技术改造）、smart-factory（智能工厂）或 green-park（绿色园区）。");
        var scheme = await db.Set<SchemeRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == request.SchemeKey, cancellationToken)
            ?? throw InvalidRequestException.For("schemeKey", $"There is no scheme '{request.SchemeKey}'; choose tech-upgrade, smart-factory or green-park.", $"专项“{request.SchemeKey}”不存在，请选择 tech-upgrade（技术改造）、smart-factory（智能工厂）或 green-park（绿色园区）。");
        var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Members.Any(m => m.UserName == actor.Id), cancellationToken)
            ?? throw new ConflictException("Register your enterprise (POST /api/enterprises) before you apply.", "请先登记企业，再进行申报。");
        var now = time.GetUtcNow();
        var year = request.Year ?? ShanghaiDate.Of(now).Year;
        await ruleSets.ForAsync(scheme.Key, year, cancellationToken);

        for (var attempt = 0; ; attempt++)
        {
            var prefix = $"{Prefixes.GetValueOrDefault(scheme.Key, "AP")}-{year}-";
            var taken = await db.Set<FundingApplication>().Where(a => a.Number.StartsWith(prefix)).Select(a => a.Number).ToListAsync(cancellationToken);
            var next = taken.Select(n => int.TryParse(n[prefix.Length..], out var k) ? k : 0).DefaultIfEmpty(0).Max() + 1;
            var application = FundingApplication.Draft($"{prefix}{next:D4}", scheme.Key, year, enterprise.Id, enterprise.Uscc, actor.Id, now);
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
        application.EnsureEditable();
        if (request.Revision is { } revision && revision != application.Revision)
            throw new ConflictException("The draft was saved elsewhere (another tab or colleague) since you opened it; reload it to see their changes.", "此申报书已在另一个窗口或由同事保存过，请刷新页面查看最新内容。");

        var errors = new List<FieldError>();
        string? Text(string? value, string field, int max)
        {
            if (value is null) return null;
            if (value.Length > max) errors.Add(FieldError.Of(field, $"At most {max} characters.", $"最多 {max} 个字符。"));
            return value.Trim();
        }
        long? Fen(long? value, string field)
        {
            if (value < 0) errors.Add(FieldError.Of(field, "An amount cannot be negative; amounts are integer fen (1 yuan = 100).", "金额不能为负数；金额以分为单位（1 元 = 100 分）。"));
            return value;
        }

        var changes = new DraftChanges
        {
            ProjectName = Text(request.ProjectName, "projectName", 300),
            Site = Text(request.Site, "site", 500),
            Description = Text(request.Description, "description", 8000),
            ProjectLeaderName = Text(request.ProjectLeaderName, "projectLeaderName", 100),
            ProjectLeaderIdentity = Text(request.ProjectLeaderIdentity, "projectLeaderIdentity", 64),
            TitleSought = Text(request.TitleSought, "titleSought", 100),
            SupportMethod = Text(request.SupportMethod, "supportMethod", 64),
            LoanInterestFen = Fen(request.LoanInterestFen, "loanInterestFen"),
            Lender = Text(request.Lender, "lender", 200),
            LeasedEquipmentFen = Fen(request.LeasedEquipmentFen, "leasedEquipmentFen"),
            EquipmentFen = Fen(request.EquipmentFen, "equipmentFen"),
            SoftwareFen = Fen(request.SoftwareFen, "softwareFen"),
            ConstructionFen = Fen(request.ConstructionFen, "constructionFen"),
            OtherFen = Fen(request.OtherFen, "otherFen"),
            OutputFen = Fen(request.OutputFen, "outputFen"),
            ValueAddedFen = Fen(request.ValueAddedFen, "valueAddedFen"),
            EnergyBeforeTce = request.EnergyBeforeTce,
            EnergyAfterTce = request.EnergyAfterTce,
            Headcount = request.Headcount,
            Robots = request.Robots,
            RdSpendFen = request.RdSpendFen,
            InventionPatents = request.InventionPatents,
            WaterBeforeM3 = request.WaterBeforeM3,
            WaterAfterM3 = request.WaterAfterM3,
            Co2ReducedTonnes = request.Co2ReducedTonnes,
            SolidWasteTonnes = request.SolidWasteTonnes,
            SolidWasteUtilisedTonnes = request.SolidWasteUtilisedTonnes,
            LandM2 = request.LandM2,
            InvoiceNumbers = request.InvoiceNumbers,
        };
        IndicatorFigures.Fen(errors, "rdSpendFen", request.RdSpendFen, "研发投入");
        IndicatorFigures.Count(errors, "inventionPatents", request.InventionPatents, IndicatorFigures.MaxPatents, "发明专利数", "patents", "件");
        IndicatorFigures.Count(errors, "waterBeforeM3", request.WaterBeforeM3, IndicatorFigures.MaxWaterM3, "改造前年用水量", "cubic metres a year", "立方米");
        IndicatorFigures.Count(errors, "waterAfterM3", request.WaterAfterM3, IndicatorFigures.MaxWaterM3, "改造后年用水量", "cubic metres a year", "立方米");
        IndicatorFigures.Tonnes(errors, "co2ReducedTonnes", request.Co2ReducedTonnes, "二氧化碳年减排量");
        IndicatorFigures.Tonnes(errors, "solidWasteTonnes", request.SolidWasteTonnes, "工业固体废物年产生量");
        IndicatorFigures.Tonnes(errors, "solidWasteUtilisedTonnes", request.SolidWasteUtilisedTonnes, "工业固体废物年综合利用量");
        IndicatorFigures.Count(errors, "landM2", request.LandM2, IndicatorFigures.MaxLandM2, "项目用地面积", "square metres", "平方米");
        if (request.SolidWasteTonnes is not null || request.SolidWasteUtilisedTonnes is not null)
            IndicatorFigures.Waste(errors, request.SolidWasteTonnes ?? application.SolidWasteTonnes, request.SolidWasteUtilisedTonnes ?? application.SolidWasteUtilisedTonnes);
        if (request.EnergyBeforeTce is < 0 || request.EnergyAfterTce is < 0) errors.Add(FieldError.Of("energy", "Energy use in tonnes of standard coal cannot be negative.", "能耗（吨标煤）不能为负数。"));
        if (request.Headcount is < 0 || request.Robots is < 0) errors.Add(FieldError.Of("headcount", "Counts cannot be negative.", "人数和机器人数量不能为负数。"));
        if (request.InvoiceNumbers is { } invoices &&
            invoices.Any(i => i is null || i.Contains(',') || InvoiceNumber.Normalise(i).Length is 0 or > InvoiceNumber.MaxLength))
            errors.Add(FieldError.Of("invoiceNumbers", "Each invoice number is 1 to 40 characters, without commas.", "每个发票号码为 1 至 40 个字符，不能含逗号。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        application.Revise(changes, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The draft was saved elsewhere at the same moment; reload it and try again.", "草稿已在同一时刻由他处保存，请刷新页面后重试。");
        }
        return await ApplicationViews.OfAsync(db, application, cancellationToken);
    }
}
