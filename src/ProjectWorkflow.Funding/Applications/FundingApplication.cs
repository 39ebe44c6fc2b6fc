namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// A funding application: the draft an enterprise fills in (autosaved), then the file the process
/// carries from submission to the final installment. Amounts in integer fen.
/// </summary>
public sealed partial class FundingApplication
{
    public Guid Id { get; set; }

    /// <summary>Human-readable number, also the process's business key, e.g. TU-2026-0007.</summary>
    public string Number { get; set; } = "";
    public string SchemeKey { get; set; } = "";
    public int Year { get; set; }
    public Guid EnterpriseId { get; set; }
    public string Uscc { get; set; } = "";
    public string CreatedBy { get; set; } = "";

    public string ProjectName { get; set; } = "";
    public string Site { get; set; } = "";
    public string Description { get; set; } = "";
    public string ProjectLeaderName { get; set; } = "";

    /// <summary>The leader's identity (e.g. ID card number): sanctions bar the person, not only the company.</summary>
    public string ProjectLeaderIdentity { get; set; } = "";
    public bool InProjectPool { get; set; }
    public string? TitleSought { get; set; }

    public long EquipmentFen { get; set; }
    public long SoftwareFen { get; set; }
    public long ConstructionFen { get; set; }
    public long OtherFen { get; set; }

    // Plan indicators, so results roll up to the plan's targets.
    public decimal EnergyBeforeTce { get; set; }
    public decimal EnergyAfterTce { get; set; }
    public long OutputFen { get; set; }
    public long ValueAddedFen { get; set; }
    public int Headcount { get; set; }
    public int Robots { get; set; }

    public string InvoiceNumbers { get; set; } = "";
    public string Fingerprint { get; set; } = "";

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Draft;
    public string? Stage { get; set; }
    public Guid? InstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public long? ApprovedAmountFen { get; set; }

    public long Revision { get; set; }

    /// <summary>Moves to <paramref name="to"/> through the lifecycle's guarded transition, or refuses; <paramref name="action"/> names the move in the refusal.</summary>
    public void Move(ApplicationStatus to, string action)
    {
        var lifecycle = ApplicationLifecycle.At(Status);
        lifecycle.Move(to, action);
        Status = lifecycle.Status;
    }
}
