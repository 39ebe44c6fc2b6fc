namespace ProjectWorkflow.Funding.Applications;

/// <summary>The funded project's part of the application: the agreement, the build period, acceptance, closing and recovery.</summary>
public sealed partial class FundingApplication
{
    /// <summary>What the project is entitled to after acceptance (the approved amount, cut pro rata on a shortfall).</summary>
    public long? AcceptedAmountFen { get; set; }

    /// <summary>Who the installments are paid to and the account, as signed in the agreement.</summary>
    public string? PayeeName { get; set; }
    public string? PayeeAccount { get; set; }
    public DateTimeOffset? AgreementSignedAt { get; set; }

    // The build period (Shanghai dates), set when the first installment is paid; an approved extension moves its end.
    public DateOnly? BuildStartedOn { get; set; }
    public DateOnly? BuildEndsOn { get; set; }
    public int ExtensionsGranted { get; set; }

    /// <summary>When the acceptance window closes (the end of its last day, Shanghai time).</summary>
    public DateTimeOffset? AcceptanceDueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why the funds were recovered (追回), when they were.</summary>
    public string? RecoveryReason { get; set; }
}
