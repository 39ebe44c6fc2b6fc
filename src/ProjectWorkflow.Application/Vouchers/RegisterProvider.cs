using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record RegisterProviderRequest(string? Uscc, string? Name, string? LegalRepresentative, string? Controller, string? BankName, string? AccountNumber);

/// <summary>A provider user registers the service provider it acts for, by its USCC; an administrator vets it before it takes orders.</summary>
public sealed class RegisterProvider(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<ServiceProviderView> HandleAsync(RegisterProviderRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }
        Uscc code = default;
        string? problem = null;
        Need(request.Uscc is { Length: <= 40 } && Uscc.TryParse(request.Uscc, out code, out problem), "uscc", problem ?? "The provider's unified social credit code (18 characters).");
        Need(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 300, "name", "The provider's registered name, at most 300 characters.");
        Need(!string.IsNullOrWhiteSpace(request.LegalRepresentative) && request.LegalRepresentative.Length <= 100, "legalRepresentative", "The legal representative, at most 100 characters.");
        Need(request.Controller is null or { Length: <= 300 }, "controller", "The controlling party (实际控制人), at most 300 characters.");
        Need(!string.IsNullOrWhiteSpace(request.BankName) && request.BankName.Length <= 200, "bankName", "The bank settlements are paid to, at most 200 characters.");
        Need(request.AccountNumber is { Length: > 0 and <= 64 } && request.AccountNumber.Count(char.IsLetterOrDigit) >= 6, "accountNumber", "The account settlements are paid to.");
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        if (await db.Set<ServiceProvider>().AnyAsync(p => p.RegisteredBy == actor.Id, cancellationToken))
            throw new ConflictException("You already act for a registered service provider.");
        if (await db.Set<ServiceProvider>().AnyAsync(p => p.Uscc == code.Value, cancellationToken))
            throw new ConflictException($"The provider {code} is already registered.");
        var provider = ServiceProvider.Register(code, request.Name!, request.LegalRepresentative!, request.Controller, request.BankName!, request.AccountNumber!, actor.Id, time.GetUtcNow());
        db.Add(provider);
        audit.Record("voucher-provider.registered", "voucher-provider", provider.Id.ToString(), detail: $"{provider.Name} ({provider.Uscc})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"The provider {code} was registered at the same moment by someone else.");
        }
        return ServiceProviderView.Of(provider);
    }
}
