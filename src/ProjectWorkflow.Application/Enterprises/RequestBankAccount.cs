using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

public sealed record RequestBankAccountRequest(string? BankName, string? AccountNumber);

/// <summary>
/// The enterprise asks to register (or change) the bank account its installments are paid to. The account holder
/// is the enterprise itself; the request waits for finance or an administrator (<see cref="DecideBankAccount"/>),
/// and until then the registered account, if any, stays the one paid.
/// </summary>
public sealed class RequestBankAccount(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<BankAccountView> HandleAsync(RequestBankAccountRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Members.Any(m => m.UserName == actor.Id), cancellationToken)
            ?? throw new ForbiddenException("You do not act for a registered enterprise: register it with POST /api/enterprises first.", "您尚未代表已登记的企业，请先登记企业。");
        var errors = new List<FieldError>();
        var bank = request.BankName?.Trim() ?? "";
        if (bank.Length is 0 or > 200) errors.Add(FieldError.Of("bankName", "Name the bank and branch (at most 200 characters).", "请填写开户银行。"));
        if (!BankAccountNumber.IsValid(request.AccountNumber))
            errors.Add(FieldError.Of("accountNumber", "Give the bank account number: 8 to 34 digits (spaces and dashes are ignored).", "请填写银行账号。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        if (await db.Set<EnterpriseBankAccount>().AnyAsync(a => a.EnterpriseId == enterprise.Id && a.Status == BankAccountStatus.Pending, cancellationToken))
            throw new ConflictException("A bank account request of your enterprise already waits for the fund's staff; wait for their decision before asking again.", "贵企业已有一项收款账户申请待审核，请待审核结果出来后再提交。");

        var account = enterprise.RequestBankAccount(bank, request.AccountNumber!, actor.Id, time.GetUtcNow());
        db.Add(account);
        audit.Record("bank-account.change-requested", "enterprise-bank-account", account.Id.ToString(),
            detail: $"{enterprise.Name}: {bank} {BankAccountNumber.Mask(account.AccountNumber)}");
        await db.SaveChangesAsync(cancellationToken);
        return BankAccountView.Of(account, enterprise.Name, showNumber: true);
    }
}
