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

/// <summary>An administrator reinstates a suspended provider with a reason.</summary>
public sealed class ReinstateProvider(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<ServiceProviderView> HandleAsync(Guid id, ProviderStandingRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var reason = ProviderStanding.Reason(request);
        var provider = await ProviderStanding.FindAsync(db, id, cancellationToken);
        provider.Reinstate(reason, actor.Id, time.GetUtcNow());
        audit.Record("voucher-provider.reinstated", "voucher-provider", provider.Id.ToString(), reason, detail: provider.Name);
        await ProviderStanding.SaveAsync(db, cancellationToken);
        return ServiceProviderView.Of(provider);
    }
}

internal static class ProviderStanding
{
    public static string Reason(ProviderStandingRequest request) =>
        request.Reason?.Trim() is { Length: > 0 and <= 1000 } reason ? reason
            : throw Validation.InvalidRequestException.For("reason", "Give the reason (at most 1,000 characters); the provider reads it.");

    public static async Task<ServiceProvider> FindAsync(ProjectWorkflowDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<ServiceProvider>().Include(p => p.Services).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException($"There is no service provider {id}.");

    public static async Task SaveAsync(ProjectWorkflowDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The provider changed at the same moment; reload it.");
        }
    }
}
