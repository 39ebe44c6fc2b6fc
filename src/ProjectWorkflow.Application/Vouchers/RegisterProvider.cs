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
        void Need(bool ok, string field, string message, string chinese) { if (!ok) errors.Add(FieldError.Of(field, message, chinese)); }
        Uscc code = default;
        ProjectWorkflow.Funding.Rules.RuleMessage? problem = null;
        Need(request.Uscc is { Length: <= 40 } && Uscc.TryParse(request.Uscc, out code, out problem), "uscc", problem?.English ?? "The provider's unified social credit code (18 characters).", problem?.Chinese ?? "请填写服务机构的统一社会信用代码（18 位）。");
        Need(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 300, "name", "The provider's registered name, at most 300 characters.", "请填写服务机构的登记名称，最多 300 个字符。");
        Need(!string.IsNullOrWhiteSpace(request.LegalRepresentative) && request.LegalRepresentative.Length <= 100, "legalRepresentative", "The legal representative, at most 100 characters.", "请填写法定代表人，最多 100 个字符。");
        Need(request.Controller is null or { Length: <= 300 }, "controller", "The controlling party (实际控制人), at most 300 characters.", "实际控制人最多 300 个字符。");
        Need(!string.IsNullOrWhiteSpace(request.BankName) && request.BankName.Length <= 200, "bankName", "The bank settlements are paid to, at most 200 characters.", "请填写结算款的开户银行，最多 200 个字符。");
        Need(request.AccountNumber is { Length: > 0 and <= 64 } && request.AccountNumber.Count(char.IsLetterOrDigit) >= 6, "accountNumber", "The account settlements are paid to.", "请填写结算款的收款账号。");
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        if (await db.Set<ServiceProvider>().AnyAsync(p => p.RegisteredBy == actor.Id, cancellationToken))
            throw new ConflictException("You already act for a registered service provider.", "您已代表一家已登记的服务机构，不能重复登记。");
        if (await db.Set<ServiceProvider>().AnyAsync(p => p.Uscc == code.Value, cancellationToken))
            throw new ConflictException($"The provider {code} is already registered.", $"服务机构 {code} 已登记，无需重复登记。");
        var provider = ServiceProvider.Register(code, request.Name!, request.LegalRepresentative!, request.Controller, request.BankName!, request.AccountNumber!, actor.Id, time.GetUtcNow());
        db.Add(provider);
        audit.Record("voucher-provider.registered", "voucher-provider", provider.Id.ToString(), detail: $"{provider.Name} ({provider.Uscc})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"The provider {code} was registered at the same moment by someone else.", $"服务机构 {code} 刚刚已由他人登记。");
        }
        return ServiceProviderView.Of(provider);
    }
}
