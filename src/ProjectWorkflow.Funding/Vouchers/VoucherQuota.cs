using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Vouchers;

public enum VoucherQuotaStatus
{
    /// <summary>Applied for, waiting for the issuer's review.</summary>
    Applied,
    Granted,
    Refused,

    /// <summary>Past its validity: unused quota went back to the budget.</summary>
    Lapsed,
}

/// <summary>
/// A voucher quota (券额度) of one enterprise or team for one scheme-year: applied for, reviewed, granted (and reserved in
/// the voucher budget), drawn on by orders, lapsed at year end. <see cref="Committed"/> is what live orders hold;
/// <see cref="Remaining"/> what new orders may still draw.
/// </summary>
public sealed class VoucherQuota
{
    private VoucherQuota() { }

    public Guid Id { get; private set; }

    /// <summary>IV-2026-0001: the scheme's prefix, the year and a sequence.</summary>
    public string Number { get; private set; } = "";
    public string SchemeKey { get; private set; } = "";
    public int Year { get; private set; }
    public VoucherApplicantKind ApplicantKind { get; private set; }

    /// <summary>The enterprise the quota belongs to (a team applies through the enterprise record of its host, or none).</summary>
    public Guid? EnterpriseId { get; private set; }
    public string HolderName { get; private set; } = "";
    public string? Uscc { get; private set; }
    public string? LegalRepresentative { get; private set; }
    public string? Controller { get; private set; }
    public string? CertificateNumber { get; private set; }
    public string? TeamName { get; private set; }
    public string? TeamPlace { get; private set; }

    /// <summary>The team members' ID numbers, one per line (a member draws a team's quota once a year).</summary>
    public string TeamMembers { get; private set; } = "";
    public long RequestedFen { get; private set; }
    public long GrantedFen { get; private set; }
    public long CommittedFen { get; private set; }
    public long RedeemedFen { get; private set; }
    public long ReleasedFen { get; private set; }
    public VoucherQuotaStatus Status { get; private set; }
    public DateOnly LapsesAfter { get; private set; }
    public string AppliedBy { get; private set; } = "";
    public DateTimeOffset AppliedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTimeOffset? LapsedAt { get; private set; }
    public Guid? InstanceId { get; private set; }
    public long Version { get; private set; }

    public Money Granted => new(GrantedFen);
    public Money Committed => new(CommittedFen);
    public Money Remaining => new(GrantedFen - CommittedFen);
    public VoucherParty Party => new(Uscc, LegalRepresentative, Controller);
    public IReadOnlyList<string> Members => TeamMembers.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// An application for a year's quota: refused by VoucherEligibility (who may apply), VoucherQuotaCap (the annual cap
    /// per enterprise or team, counting <paramref name="alreadyHeld"/>) and TeamMemberAlreadyDrawn (members on another
    /// live quota of the same team, <paramref name="membersAlreadyDrawing"/>).
    /// </summary>
    public static VoucherQuota Apply(
        VoucherRuleSet rules, string number, VoucherApplicant applicant, Guid? enterpriseId, string holderName, Money requested,
        Money alreadyHeld, IReadOnlyCollection<string> membersAlreadyDrawing, string appliedBy, DateTimeOffset now)
    {
        Check.Rules(
            new VoucherEligibilityRule(rules, applicant),
            new TeamMemberAlreadyDrawnRule(membersAlreadyDrawing),
            new VoucherQuotaCapRule(rules.AnnualCapFor(applicant.Kind), alreadyHeld, requested));
        return new VoucherQuota
        {
            Id = Guid.NewGuid(),
            Number = number,
            SchemeKey = rules.SchemeKey,
            Year = rules.Year,
            ApplicantKind = applicant.Kind,
            EnterpriseId = enterpriseId,
            HolderName = holderName.Trim(),
            Uscc = applicant.Party.Uscc,
            LegalRepresentative = applicant.Party.LegalRepresentative?.Trim(),
            Controller = applicant.Party.Controller?.Trim(),
            CertificateNumber = applicant.CertificateNumber?.Trim(),
            TeamName = applicant.TeamName?.Trim(),
            TeamPlace = applicant.TeamPlace,
            TeamMembers = string.Join('\n', applicant.TeamMembers.Select(m => m.Trim().ToUpperInvariant()).Distinct()),
            RequestedFen = requested.Fen,
            Status = VoucherQuotaStatus.Applied,
            LapsesAfter = rules.QuotaLapsesAfter,
            AppliedBy = appliedBy,
            AppliedAt = now,
        };
    }

    /// <summary>The process that carries the quota through review.</summary>
    public void Attach(Guid instanceId) => InstanceId = instanceId;

    /// <summary>The issuer grants the quota (at most what was asked and the cap allows); the use case reserves it in the voucher budget.</summary>
    public void Grant(Money amount, Money annualCap, Money alreadyHeld, string by, string? reason, DateTimeOffset now)
    {
        Expect(VoucherQuotaStatus.Applied, "granted");
        if (amount.Fen <= 0 || amount.Fen > RequestedFen)
            throw new VoucherTransitionException($"A quota is granted for more than nothing and at most the {new Money(RequestedFen)} asked; {amount} was given.");
        Check.Rules(new VoucherQuotaCapRule(annualCap, alreadyHeld, amount));
        GrantedFen = amount.Fen;
        Decide(VoucherQuotaStatus.Granted, by, reason, now);
    }

    public void Refuse(string by, string reason, DateTimeOffset now)
    {
        Expect(VoucherQuotaStatus.Applied, "refused");
        Decide(VoucherQuotaStatus.Refused, by, reason, now);
    }

    /// <summary>Whether an order placed on <paramref name="today"/> may draw on the quota (VoucherQuotaLapsed).</summary>
    public void EnsureUsable(DateOnly today)
    {
        if (Status is not (VoucherQuotaStatus.Granted or VoucherQuotaStatus.Lapsed))
            throw new VoucherTransitionException($"The quota {Number} is not granted; it cannot be used.");
        Check.Rules(new VoucherQuotaLapsedRule(LapsesAfter, today, Status == VoucherQuotaStatus.Lapsed));
    }

    /// <summary>An order holds <paramref name="share"/> of the quota (VoucherQuotaExceeded beyond what is left).</summary>
    internal void Commit(Money share)
    {
        Check.Rules(new VoucherQuotaExceededRule(Remaining, share));
        CommittedFen += share.Fen;
        Version++;
    }

    /// <summary>An order declined or cancelled gives its share back; after the quota lapsed, it is released instead (see <see cref="Lapse"/>).</summary>
    internal Money Uncommit(Money share)
    {
        CommittedFen -= share.Fen;
        Version++;
        if (Status != VoucherQuotaStatus.Lapsed) return Money.Zero;
        GrantedFen -= share.Fen;
        ReleasedFen += share.Fen;
        return share;
    }

    /// <summary>A claim on the quota was paid.</summary>
    internal void Redeemed(Money amount)
    {
        RedeemedFen += amount.Fen;
        Version++;
    }

    /// <summary>
    /// The quota's validity ended: what no order holds goes back to the budget (the amount returned is what the use
    /// case releases in the ledger). Only a granted quota lapses, and only once.
    /// </summary>
    public Money Lapse(DateOnly today, DateTimeOffset now)
    {
        Expect(VoucherQuotaStatus.Granted, "lapsed");
        if (today <= LapsesAfter) throw new VoucherTransitionException($"The quota {Number} is valid until {LapsesAfter:yyyy-MM-dd}; it lapses after that day.");
        var unused = Remaining;
        ReleasedFen += unused.Fen;
        GrantedFen -= unused.Fen;
        Status = VoucherQuotaStatus.Lapsed;
        LapsedAt = now;
        Version++;
        return unused;
    }

    private void Decide(VoucherQuotaStatus status, string by, string? reason, DateTimeOffset now)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
        DecisionReason = reason;
        Version++;
    }

    private void Expect(VoucherQuotaStatus status, string action)
    {
        if (Status != status)
            throw new VoucherTransitionException($"The quota {Number} is {Status.ToString().ToLowerInvariant()}; only one {status.ToString().ToLowerInvariant()} can be {action}.");
    }
}
