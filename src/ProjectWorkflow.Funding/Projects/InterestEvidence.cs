using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Projects;

/// <summary>
/// Evidence of interest paid on a loan-interest project's loan (贷款贴息凭证): how much interest, for which period, to
/// which lender, with the bank's statement attached. The next installment pays the rule's share of the interest on
/// the evidence not yet paid (<see cref="SubsidyCalculation.InterestInstallment"/>), and the evidence then names its order.
/// </summary>
public sealed class InterestEvidence
{
    public const int LenderLength = 200;

    private InterestEvidence() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public long InterestPaidFen { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string Lender { get; private set; } = "";
    public Guid AttachmentId { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public string FiledBy { get; private set; } = "";

    /// <summary>The payment order that paid the subsidy on this evidence (null until an installment is ordered).</summary>
    public Guid? PaymentOrderId { get; private set; }

    public Money InterestPaid => new(InterestPaidFen);

    /// <summary>The applicant files evidence: only for a project whose support method is a loan-interest subsidy, with a positive amount and a period.</summary>
    public static InterestEvidence File(FundingApplication project, SupportRule method, Money interestPaid, DateOnly from, DateOnly to, string lender,
        Guid attachmentId, string filedBy, DateTimeOffset now)
    {
        Check.Rules(new NotALoanInterestProjectRule(method));
        if (interestPaid.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(interestPaid), interestPaid, "Interest paid is a positive amount.");
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, "The period ends on or after it starts.");
        return new InterestEvidence
        {
            Id = Guid.NewGuid(),
            ApplicationId = project.Id,
            InterestPaidFen = interestPaid.Fen,
            PeriodFrom = from,
            PeriodTo = to,
            Lender = lender.Length > LenderLength ? lender[..LenderLength] : lender,
            AttachmentId = attachmentId,
            FiledAt = now,
            FiledBy = filedBy,
        };
    }

    /// <summary>The subsidy on this evidence is on the payment order <paramref name="orderId"/>.</summary>
    public void PaidBy(Guid orderId)
    {
        if (PaymentOrderId is not null && PaymentOrderId != orderId)
            throw new InvalidOperationException($"The interest evidence {Id} is already on the payment order {PaymentOrderId}.");
        PaymentOrderId = orderId;
    }
}
