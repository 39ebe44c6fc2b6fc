namespace ProjectWorkflow.Funding.Reviews;

/// <summary>
/// The grounds on which an expert must recuse (DOMAIN.md): within three years worked for or advised the
/// applicant, or had a legal dispute with it; drafted the call; shares control or investment ties.
/// </summary>
public sealed record ConflictOfInterestDeclaration(
    string Expert,
    bool WorkedForOrAdvisedApplicant,
    bool LegalDisputeWithApplicant,
    bool DraftedTheCall,
    bool ControlOrInvestmentTies,
    bool CloseRelativeInvolved,
    DateTimeOffset DeclaredAt)
{
    public bool HasConflict =>
        WorkedForOrAdvisedApplicant || LegalDisputeWithApplicant || DraftedTheCall || ControlOrInvestmentTies || CloseRelativeInvolved;
}
