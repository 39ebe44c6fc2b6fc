using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

public sealed record SetBudgetRequest(long? AmountFen, string? Reason);

/// <summary>
/// An administrator sets a scheme-year's budget to a total, with a reason. The change is an entry (allocated
/// more, or given back); a budget is never set below what is already reserved, paid or recovered from it.
/// </summary>
public sealed class SetBudget(ProjectWorkflowDbContext db, FundLedger ledger, ListBudgets list, AuditTrail audit)
{
    public async Task<BudgetView> HandleAsync(string schemeKey, int year, SetBudgetRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.AmountFen is not >= 0) errors.Add(FieldError.Of("amountFen", "Give the budget's total in integer fen (0 or more).", "请填写预算总额（以分为单位的整数，不小于 0）。"));
        if (string.IsNullOrWhiteSpace(request.Reason)) errors.Add(FieldError.Of("reason", "Say why the budget is set (e.g. the appropriation document's number).", "请填写设定预算的依据（如预算下达文件文号）。"));
        if (year is < 2000 or > 2100) errors.Add(FieldError.Of("year", "The year is between 2000 and 2100.", "年度须在 2000 至 2100 之间。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        if (!await db.Set<SchemeRecord>().AnyAsync(s => s.Key == schemeKey, cancellationToken))
            throw new NotFoundException($"There is no scheme '{schemeKey}'.", $"专项“{schemeKey}”不存在。");

        var budget = await ledger.FindBudgetAsync(BudgetKinds.Scheme, schemeKey, year, cancellationToken)
            ?? await ledger.OpenBudgetAsync(BudgetKinds.Scheme, schemeKey, year, cancellationToken);
        var wanted = new Money(request.AmountFen!.Value);
        var before = budget.Balances.Allocated;
        var entry = budget.SetAllocation(wanted, ledger.Booking($"budget:{budget.Id}:{Guid.NewGuid():N}", actor.Id, request.Reason!.Trim()));
        if (entry is not null)
        {
            audit.Record("budget.set", "budget", $"{schemeKey}:{year}", request.Reason!.Trim(),
                detail: $"allocated {before} → {wanted} ({before.Fen} → {wanted.Fen} fen)");
            ledger.Add(budget, entry);
            await SaveAsync(cancellationToken);
        }
        return await list.GetAsync(schemeKey, year, cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("The budget changed at the same moment (a reservation or payment was booked). Reload it and try again.", "预算同时发生变动（有预留或拨付入账），请刷新后重试。");
        }
    }
}

public sealed record RaiseBudgetRequest(long? ByFen, string? Reason);

/// <summary>An administrator raises a scheme-year's budget by an amount, with a reason (an allocation entry).</summary>
public sealed class RaiseBudget(FundLedger ledger, SetBudget set)
{
    public async Task<BudgetView> HandleAsync(string schemeKey, int year, RaiseBudgetRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.ByFen is not > 0) throw InvalidRequestException.For("byFen", "Raise the budget by a positive amount in integer fen.", "请填写追加的预算金额（以分为单位的正整数）。");
        var budget = await ledger.FindBudgetAsync(BudgetKinds.Scheme, schemeKey, year, cancellationToken);
        var current = budget?.AllocatedFen ?? 0;
        return await set.HandleAsync(schemeKey, year, new SetBudgetRequest(checked(current + request.ByFen.Value), request.Reason), actor, cancellationToken);
    }
}
