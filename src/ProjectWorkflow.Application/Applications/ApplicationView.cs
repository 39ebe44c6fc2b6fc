namespace ProjectWorkflow.Application.Applications;

public sealed record InvestmentView(long EquipmentFen, long SoftwareFen, long ConstructionFen, long OtherFen, long TotalFen);

/// <summary>The plan indicators the application promises (DOMAIN.md): money in fen, water m³ a year, tonnes a year, land m².</summary>
public sealed record IndicatorsView(decimal EnergyBeforeTce, decimal EnergyAfterTce, long OutputFen, long ValueAddedFen, int Headcount, int Robots,
    long RdSpendFen = 0, int InventionPatents = 0, long WaterBeforeM3 = 0, long WaterAfterM3 = 0, decimal Co2ReducedTonnes = 0,
    decimal SolidWasteTonnes = 0, decimal SolidWasteUtilisedTonnes = 0, long LandM2 = 0);

public sealed record AttachmentView(Guid Id, string Kind, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>An application as its applicant and its reviewers see it.</summary>
public sealed record ApplicationView(
    Guid Id,
    string Number,
    string SchemeKey,
    int Year,
    Guid EnterpriseId,
    string Uscc,
    string ProjectName,
    string Site,
    string Description,
    string ProjectLeaderName,
    bool InProjectPool,
    string? TitleSought,
    InvestmentView Investment,
    IndicatorsView Indicators,
    IReadOnlyList<string> InvoiceNumbers,
    string Status,
    string? Stage,
    Guid? InstanceId,
    long? ApprovedAmountFen,
    IReadOnlyList<AttachmentView> Attachments,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    long Revision,
    ProjectStateView? Project,
    string? SupportMethod = null,
    long LoanInterestFen = 0,
    string? Lender = null,
    long LeasedEquipmentFen = 0);

/// <summary>After approval: the agreement, the build period, what the project is entitled to, and how it ended.</summary>
public sealed record ProjectStateView(
    string? PayeeName,
    DateTimeOffset? AgreementSignedAt,
    DateOnly? BuildStartedOn,
    DateOnly? BuildEndsOn,
    int ExtensionsGranted,
    DateTimeOffset? AcceptanceDueAt,
    long? AcceptedAmountFen,
    DateTimeOffset? ClosedAt,
    string? RecoveryReason);
