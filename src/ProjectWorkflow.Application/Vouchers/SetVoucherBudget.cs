using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record VoucherBudgetView(string SchemeKey, int Year, long AllocatedFen, long AvailableFen, long ReservedFen, long PaidFen);

/// <summary>
/// An administrator sets a voucher scheme-year's budget to a total, with a reason: an allocation entry in the same
/// double-entry ledger as the project schemes (kind voucher); never below what quotas hold or were paid.
/// </summary>
public sealed class SetVoucherBudget(ProjectWorkflowDbContext db, FundLedger ledger, VoucherRuleSets ruleSets, AuditTrail audit)
{
    public async Task<VoucherBudgetView> HandleAsync(string schemeKey, int year, SetBudgetRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.AmountFen is not (>= 0 and <= Money.MaxFen)) errors.Add(FieldError.Of("amountFen", "The budget's total in integer fen (0 or more).", "请填写预算总额（分，0 或以上的整数）。"));
        if (request.Reason?.Trim() is not { Length: > 0 and <= 1000 }) errors.Add(FieldError.Of("reason", "Say why the budget is set (at most 1,000 characters).", "请说明设定预算的理由（最多 1,000 个字符）。"));
        if (year is < 2000 or > 2100) errors.Add(FieldError.Of("year", "The year is between 2000 and 2100.", "年度须在 2000 至 2100 之间。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        if (!await ruleSets.SchemeExistsAsync(schemeKey, cancellationToken)) throw new NotFoundException($"There is no voucher scheme '{schemeKey}'.", $"券种“{schemeKey}”不存在。");

        var budget = await ledger.FindBudgetAsync(BudgetKinds.Voucher, schemeKey, year, cancellationToken)
            ?? await ledger.OpenBudgetAsync(BudgetKinds.Voucher, schemeKey, year, cancellationToken);
        var before = budget.Balances.Allocated;
        var wanted = new Money(request.AmountFen!.Value);
        if (budget.SetAllocation(wanted, ledger.Booking($"budget:{budget.Id}:{Guid.NewGuid():N}", actor.Id, request.Reason!.Trim())) is { } entry)
        {
            audit.Record("voucher-budget.set", "budget", $"voucher:{schemeKey}:{year}", request.Reason!.Trim(), detail: $"allocated {before.Fen} → {wanted.Fen} fen");
            ledger.Add(budget, entry);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("The voucher budget changed at the same moment (a quota was granted or paid). Reload it and try again.", "券预算刚刚已有变动（有额度被核定或兑付），请刷新后重试。");
            }
        }
        return Of(budget);
    }

    public static VoucherBudgetView Of(Budget b) => new(b.OwnerKey, b.Year, b.AllocatedFen, b.AvailableFen, b.ReservedFen, b.PaidFen);
}
