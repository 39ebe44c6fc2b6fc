using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Invoices;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The invoices an application claims, written beside its status in the same transaction: claimed at submission
/// (and again when a supplemented file changes them), released when it is rejected or lapses. The unique index on
/// the invoice number is what makes two racing submissions of one invoice end with one claim.
/// </summary>
public static class InvoiceClaims
{
    /// <summary>Claims of other claimants on any of <paramref name="application"/>'s invoices, as earlier support.</summary>
    public static async Task<List<FundedProject>> HeldByOthersAsync(ProjectWorkflowDbContext db, FundingApplication application, CancellationToken cancellationToken)
    {
        var invoices = application.Invoices.ToList();
        if (invoices.Count == 0) return [];
        var claims = await db.Set<InvoiceClaim>().AsNoTracking()
            .Where(c => invoices.Contains(c.InvoiceNumber) && !(c.ClaimantKind == ClaimantKinds.Application && c.ClaimantId == application.Id))
            .OrderBy(c => c.ClaimedAt)
            .ToListAsync(cancellationToken);
        return claims.Select(c => new FundedProject(c.ClaimantNumber, c.SchemeKey, $"invoice {c.InvoiceNumber} already claimed")).ToList();
    }

    /// <summary>Stages the claims of <paramref name="application"/>'s invoices: those it no longer lists go, new ones come.</summary>
    public static async Task ClaimAsync(ProjectWorkflowDbContext db, FundingApplication application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await OwnAsync(db, application, cancellationToken);
        var wanted = application.Invoices;
        db.RemoveRange(held.Where(c => !wanted.Contains(c.InvoiceNumber)));
        db.AddRange(application.InvoiceClaims(now).Where(c => held.All(h => h.InvoiceNumber != c.InvoiceNumber)));
    }

    /// <summary>Stages the release of every claim of <paramref name="application"/>: its invoices are free for another claim.</summary>
    public static async Task ReleaseAsync(ProjectWorkflowDbContext db, FundingApplication application, CancellationToken cancellationToken) =>
        db.RemoveRange(await OwnAsync(db, application, cancellationToken));

    private static async Task<List<InvoiceClaim>> OwnAsync(ProjectWorkflowDbContext db, FundingApplication application, CancellationToken cancellationToken) =>
        await db.Set<InvoiceClaim>().Where(c => c.ClaimantKind == ClaimantKinds.Application && c.ClaimantId == application.Id).ToListAsync(cancellationToken);
}
