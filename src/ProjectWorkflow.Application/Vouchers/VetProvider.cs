using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>An administrator vets a registered provider: from now on it takes voucher orders.</summary>
public sealed class VetProvider(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<ServiceProviderView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var provider = await ProviderStanding.FindAsync(db, id, cancellationToken);
        provider.Vet(actor.Id, time.GetUtcNow());
        audit.Record("voucher-provider.vetted", "voucher-provider", provider.Id.ToString(), detail: provider.Name);
        await ProviderStanding.SaveAsync(db, cancellationToken);
        return ServiceProviderView.Of(provider);
    }
}
