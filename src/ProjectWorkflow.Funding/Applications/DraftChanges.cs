namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// What an autosave changes in a draft: each field left null stays as it is. The caller has checked the fields'
/// form (lengths, signs); the application decides whether it may be changed at all.
/// </summary>
public sealed record DraftChanges
{
    public string? ProjectName { get; init; }
    public string? Site { get; init; }
    public string? Description { get; init; }
    public string? ProjectLeaderName { get; init; }
    public string? ProjectLeaderIdentity { get; init; }
    public string? SupportMethod { get; init; }
    public long? LoanInterestFen { get; init; }
    public string? Lender { get; init; }
    public long? LeasedEquipmentFen { get; init; }
    public string? TitleSought { get; init; }
    public long? EquipmentFen { get; init; }
    public long? SoftwareFen { get; init; }
    public long? ConstructionFen { get; init; }
    public long? OtherFen { get; init; }
    public decimal? EnergyBeforeTce { get; init; }
    public decimal? EnergyAfterTce { get; init; }
    public long? OutputFen { get; init; }
    public long? ValueAddedFen { get; init; }
    public int? Headcount { get; init; }
    public int? Robots { get; init; }
    public long? RdSpendFen { get; init; }
    public int? InventionPatents { get; init; }
    public long? WaterBeforeM3 { get; init; }
    public long? WaterAfterM3 { get; init; }
    public decimal? Co2ReducedTonnes { get; init; }
    public decimal? SolidWasteTonnes { get; init; }
    public decimal? SolidWasteUtilisedTonnes { get; init; }
    public long? LandM2 { get; init; }
    public IReadOnlyList<string>? InvoiceNumbers { get; init; }
}
