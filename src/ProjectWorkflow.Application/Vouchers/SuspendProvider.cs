using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record ProviderStandingRequest(string? Reason);

/// <summary>An administrator suspends a provider with a reason: no new orders; running ones finish.</summary>
public sealed class SuspendProvider(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<ServiceProviderView> HandleAsync(Guid id, ProviderStandingRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var reason = ProviderStanding.Reason(request);
        var provider = await ProviderStanding.FindAsync(db, id, cancellationToken);
        provider.Suspend(reason, actor.Id, time.GetUtcNow());
        audit.Record("voucher-provider.suspended", "voucher-provider", provider.Id.ToString(), reason, detail: provider.Name);
        await ProviderStanding.SaveAsync(db, cancellationToken);
        return ServiceProviderView.Of(provider);
    }
}
