namespace ProjectWorkflow.Funding.Ledger;

/// <summary>One thing reconciliation found wrong, in words a finance officer can act on.</summary>
public sealed record LedgerFinding(string Kind, long? BudgetId, long? EntryId, Guid? ApplicationId, string Message);

/// <summary>
/// The ledger's self-check as arithmetic, fed one fact at a time so the ledger is never held in memory: the budgets
/// with their cached balances, then every entry (each checked as it comes: it balances and still fits its checksum; its
/// postings summed per budget and per project), the payment orders, the approved amounts and the treasury's payments.
/// <see cref="Findings"/> then adds what only the sums show: cached balances that differ from the entries, a budget
/// over-committed, a project paid beyond its reservation, installments ordered or paid beyond the approved amount, a
/// payment the treasury made that the ledger did not book (or booked differently), and — where the treasury's
/// statement is kept here — a booked payment the treasury never made.
/// </summary>
public sealed class LedgerReconciliation(Func<string, byte[]?> ledgerKey)
{
    private const string PayReferencePrefix = "pay:";

    private readonly List<LedgerFinding> _entryFindings = [];
    private readonly Dictionary<long, (string OwnerKey, int Year, BudgetBalances Cached)> _budgets = [];
    private readonly Dictionary<long, BudgetBalances> _computed = [];
    private readonly Dictionary<(long Budget, Guid Project), ProjectBalances> _projects = [];
    private readonly Dictionary<Guid, long> _paidGross = [];
    private readonly Dictionary<string, long> _booked = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (Guid ApplicationId, string ApplicationNumber, int InstallmentNumber)> _orders = [];
    private readonly Dictionary<Guid, long> _ordered = [];
    private readonly List<(Guid Id, string Number, long Approved)> _approved = [];
    private readonly Dictionary<string, (long AmountFen, string? BankReference)> _paidByTreasury = new(StringComparer.Ordinal);

    public int BudgetsChecked => _budgets.Count;
    public int EntriesChecked { get; private set; }

    public void Budget(long id, string ownerKey, int year, BudgetBalances cached) => _budgets[id] = (ownerKey, year, cached);

    public void Budget(Budget budget) => Budget(budget.Id, budget.OwnerKey, budget.Year, budget.Balances);

    /// <summary>One booked entry, as it is now in the database.</summary>
    public void Entry(LedgerEntry entry)
    {
        EntriesChecked++;
        var postings = entry.Lines;
        if (!Postings.Balanced(postings))
            _entryFindings.Add(new("unbalanced-entry", entry.BudgetId, entry.Id, entry.ApplicationId,
                $"Entry {entry.Id} ({entry.Kind}, {entry.Reference}) does not balance: its postings add up to {new Money(postings.Sum(p => p.Amount.Fen))}."));
        if (ledgerKey(entry.ChecksumKeyId) is not { } key)
            _entryFindings.Add(new("unknown-checksum-key", entry.BudgetId, entry.Id, entry.ApplicationId,
                $"Entry {entry.Id} ({entry.Kind}, {entry.Reference}) is keyed with '{entry.ChecksumKeyId}', which is not configured (Audit:Keys): it cannot be proven."));
        else if (!entry.FitsChecksum(key))
            _entryFindings.Add(new("altered-entry", entry.BudgetId, entry.Id, entry.ApplicationId,
                $"Entry {entry.Id} ({entry.Kind}, {entry.Reference}) was changed after it was booked: its content no longer matches its checksum."));

        _computed[entry.BudgetId] = _computed.GetValueOrDefault(entry.BudgetId, BudgetBalances.Empty).Add(postings);
        foreach (var project in postings.Where(p => p.ApplicationId is not null).Select(p => p.ApplicationId!.Value).Distinct())
        {
            var key2 = (entry.BudgetId, project);
            _projects[key2] = _projects.GetValueOrDefault(key2, new ProjectBalances(project, Money.Zero, Money.Zero, Money.Zero)).Apply(postings);
        }
        if (entry.Kind != LedgerEntryKinds.Pay) return;
        var paid = postings.Where(p => p.Account == LedgerAccount.Paid).Sum(p => p.Amount.Fen);
        if (entry.ApplicationId is { } application) _paidGross[application] = _paidGross.GetValueOrDefault(application) + paid;
        if (entry.Reference.StartsWith(PayReferencePrefix, StringComparison.Ordinal)) _booked[entry.Reference[PayReferencePrefix.Length..]] = paid;
    }

    /// <summary>A payment order (its installment and amount).</summary>
    public void Order(Guid id, Guid applicationId, string applicationNumber, int installmentNumber, long amountFen)
    {
        _orders[id] = (applicationId, applicationNumber, installmentNumber);
        _ordered[applicationId] = _ordered.GetValueOrDefault(applicationId) + amountFen;
    }

    /// <summary>An application with an approved amount and payment orders.</summary>
    public void Approved(Guid applicationId, string number, long approvedFen) => _approved.Add((applicationId, number, approvedFen));

    /// <summary>A payment the treasury confirmed, by the order key it paid once (<see cref="PaymentOrder.TreasuryOrderKey"/>).</summary>
    public void PaidByTreasury(string orderKey, long amountFen, string? bankReference) => _paidByTreasury[orderKey] = (amountFen, bankReference);

    /// <summary>
    /// Everything found, entries' findings first. <paramref name="treasuryStatementKept"/>: the treasury's payments fed
    /// are its whole statement, so a booked payment missing from them is a finding too.
    /// </summary>
    public IReadOnlyList<LedgerFinding> Findings(bool treasuryStatementKept)
    {
        var findings = new List<LedgerFinding>(_entryFindings);
        foreach (var (id, (ownerKey, year, cached)) in _budgets)
        {
            var computed = _computed.GetValueOrDefault(id, BudgetBalances.Empty);
            if (computed != cached)
                findings.Add(new("balance-mismatch", id, null, null,
                    $"Budget {ownerKey} {year}: cached balances {Describe(cached)} differ from the sum of its entries {Describe(computed)}."));
            if (computed.Available.IsNegative)
                findings.Add(new("over-committed", id, null, null,
                    $"Budget {ownerKey} {year} is over-committed: {computed.Allocated - computed.Available} is bound against {computed.Allocated}."));
            foreach (var ((_, project), balances) in _projects.Where(p => p.Key.Budget == id))
                if (balances.Reserved.IsNegative)
                    findings.Add(new("paid-beyond-reservation", id, null, project,
                        $"Project {project} was paid {new Money(-balances.Reserved.Fen)} more than was reserved for it."));
        }

        foreach (var (id, number, approved) in _approved)
        {
            if (_ordered.GetValueOrDefault(id) > approved)
                findings.Add(new("installments-exceed-approved", null, null, id,
                    $"{number}: installments of {new Money(_ordered[id])} exceed the approved {new Money(approved)}."));
            if (_paidGross.GetValueOrDefault(id) > approved)
                findings.Add(new("paid-beyond-approved", null, null, id,
                    $"{number}: {new Money(_paidGross[id])} was paid against an approved {new Money(approved)}."));
        }

        var orders = _orders.ToDictionary(o => PaymentOrder.TreasuryOrderKey(o.Key), o => o.Value, StringComparer.Ordinal);
        foreach (var (key, paid) in _paidByTreasury)
        {
            if (!orders.TryGetValue(key, out var order)) continue;
            if (!_booked.TryGetValue(key, out var bookedFen))
                findings.Add(new("paid-not-booked", null, null, order.ApplicationId,
                    $"{order.ApplicationNumber} installment {order.InstallmentNumber}: the treasury paid {new Money(paid.AmountFen)} (bank reference {paid.BankReference}) but the ledger has no pay entry for it."));
            else if (bookedFen != paid.AmountFen)
                findings.Add(new("paid-differs-from-booked", null, null, order.ApplicationId,
                    $"{order.ApplicationNumber} installment {order.InstallmentNumber}: the treasury paid {new Money(paid.AmountFen)} but the ledger booked {new Money(bookedFen)}."));
        }

        // Only a statement kept here is the treasury's whole statement; a real treasury's statement is compared where it is kept.
        if (treasuryStatementKept)
            foreach (var (key, bookedFen) in _booked)
                if (orders.TryGetValue(key, out var order) && !_paidByTreasury.ContainsKey(key))
                    findings.Add(new("booked-not-paid", null, null, order.ApplicationId,
                        $"{order.ApplicationNumber} installment {order.InstallmentNumber}: the ledger booked {new Money(bookedFen)} as paid but the treasury has no payment of it."));
        return findings;
    }

    private static string Describe(BudgetBalances b) =>
        $"(allocated {b.Allocated}, available {b.Available}, reserved {b.Reserved}, paid {b.Paid}, recovery due {b.RecoveryDue}, returned {b.ReturnedToTreasury})";
}
