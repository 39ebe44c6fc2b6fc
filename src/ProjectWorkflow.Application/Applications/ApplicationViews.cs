using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>Builds the API's view of applications.</summary>
public static class ApplicationViews
{
    public static async Task<ApplicationView> OfAsync(ProjectWorkflowDbContext db, FundingApplication a, CancellationToken cancellationToken)
    {
        var attachments = await db.Set<AttachmentRecord>().AsNoTracking().Where(x => x.ApplicationId == a.Id).OrderBy(x => x.UploadedAt).ToListAsync(cancellationToken);
        return Of(a, attachments);
    }

    public static ApplicationView Of(FundingApplication a, IReadOnlyList<AttachmentRecord> attachments) => new(
        a.Id, a.Number, a.SchemeKey, a.Year, a.EnterpriseId, a.Uscc, a.ProjectName, a.Site, a.Description, a.ProjectLeaderName,
        a.InProjectPool, a.TitleSought,
        new InvestmentView(a.EquipmentFen, a.SoftwareFen, a.ConstructionFen, a.OtherFen, a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen),
        new IndicatorsView(a.EnergyBeforeTce, a.EnergyAfterTce, a.OutputFen, a.ValueAddedFen, a.Headcount, a.Robots,
            a.RdSpendFen, a.InventionPatents, a.WaterBeforeM3, a.WaterAfterM3, a.Co2ReducedTonnes, a.SolidWasteTonnes, a.SolidWasteUtilisedTonnes, a.LandM2),
        a.InvoiceNumbers.Length == 0 ? [] : a.InvoiceNumbers.Split(','),
        ApplicationStatusText.Of(a.Status), a.Stage, a.InstanceId, a.ApprovedAmountFen,
        attachments.Select(x => new AttachmentView(x.Id, x.Kind, x.FileName, x.ContentType, x.SizeBytes, x.Sha256, x.UploadedAt, x.UploadedBy)).ToList(),
        a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.Revision,
        a.ApprovedAmountFen is null || a.AgreementSignedAt is null && a.RecoveryReason is null ? null
            : new ProjectStateView(a.PayeeName, a.AgreementSignedAt, a.BuildStartedOn, a.BuildEndsOn, a.ExtensionsGranted, a.AcceptanceDueAt,
                a.AcceptedAmountFen, a.ClosedAt, a.RecoveryReason),
        a.SupportMethod, a.LoanInterestFen, a.Lender, a.LeasedEquipmentFen);
}
