using ProjectWorkflow.Funding.Ledger;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Web.Audit;
using ProjectWorkflow.Web.Tests.Fixtures;
using Eventually = ProjectWorkflow.Web.Tests.Messaging.Eventually;
using ProjectWorkflow.Web.Tests.Ledger;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Audit;

/// <summary>
/// Every decision leaves a record nobody can quietly change: entries are written in the transaction of the change,
/// chained by an HMAC whose key is not in the database, and verification names the first entry someone with database
/// access edited, deleted, inserted or moved, and the ledger rows, journal lines and payee they touched.
/// Runs on SQLite, and on PostgreSQL with PW_TEST_DB_PROVIDER=PostgreSql.
/// </summary>
[Collection(AuditAppCollection.Name)]
public sealed class AuditLogTests(AuditApp app)
{
    [Fact]
    public async Task AnAdministratorSettingABudget_IsRecordedWithWhoWhatAndTrace_InTheSameTransaction()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var auditor = await app.CreateClientForAsync("auditor1");
        var set = await admin.PutAsJsonAsync("/api/ledger/budgets/tech-upgrade/2041", new { amountFen = 5_000_000_00L, reason = "沪财预〔2041〕1号" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var page = await auditor.GetFromJsonAsync<JsonElement>("/api/audit?objectType=budget&objectId=tech-upgrade:2041&action=budget.set");
        var entry = Assert.Single(page.GetProperty("entries").EnumerateArray());
        Assert.Equal("admin1", entry.GetProperty("actor").GetString());
        Assert.Contains("admin", Strings(entry.GetProperty("roles")));
        Assert.Equal("沪财预〔2041〕1号", entry.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("traceId").GetString()));
        var booked = await auditor.GetFromJsonAsync<JsonElement>("/api/audit?action=ledger.allocate&actor=admin1");
        Assert.Contains(booked.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("tech-upgrade:2041"));

        // Set below what it binds: refused, and nothing is recorded as done.
        var before = await app.LastSequenceAsync();
        var refused = await admin.PutAsJsonAsync("/api/ledger/budgets/tech-upgrade/2041", new { amountFen = -1L, reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain((await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence > before).ToListAsync())),
            e => e.Action == "budget.set");
    }

    [Fact]
    public async Task AChangeThatRollsBack_LeavesNoEntry_AndOneThatCommits_HasIt()
    {
        var before = await app.QueryAsync(db => db.Set<AuditHead>().AsNoTracking().SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.rolled-back", "rule-set", "tech-upgrade:1999");
            // The second row breaks the unique (scheme, year) index: the save fails and takes the entry with it.
            db.Add(new RuleSetRecord { SchemeKey = "tech-upgrade", Year = 1999, Document = "{}", AddedBy = "test", AddedAt = DateTimeOffset.UtcNow });
            db.Add(new RuleSetRecord { SchemeKey = "tech-upgrade", Year = 1999, Document = "{}", AddedBy = "test", AddedAt = DateTimeOffset.UtcNow });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.False(await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "test.rolled-back")));
        Assert.False(await app.QueryAsync(db => db.Set<RuleSetRecord>().AnyAsync(r => r.Year == 1999)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.committed", "rule-set", "tech-upgrade:1998");
            db.Add(new RuleSetRecord { SchemeKey = "tech-upgrade", Year = 1998, Document = "{}", AddedBy = "test", AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var committed = await app.QueryAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "test.committed"));
        Assert.True(committed.Sequence > before.LastSequence);
        Assert.Equal("system", committed.Actor);
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task AChangeThatNamesNoEntry_IsStillRecorded_NamingWhatChanged()
    {
        await app.QueryAsync(async db =>
        {
            var scheme = await db.Set<SchemeRecord>().FirstAsync(s => s.Key == "tech-upgrade");
            db.Entry(scheme).Property(s => s.Name).IsModified = true;
            return await db.SaveChangesAsync();
        });
        var entry = await app.QueryAsync(db => db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == AuditChain.UnrecordedChange));
        Assert.Equal("Schemes", entry.ObjectType);
        Assert.Contains("Schemes modified", entry.Detail);
    }

    [Theory]
    [InlineData("enterprise1")]
    [InlineData("reviewer1")]
    [InlineData("expert1")]
    [InlineData("approver1")]
    [InlineData("finance1")]
    [InlineData("provider1")]
    public async Task TheLog_IsForAuditorsAndAdministratorsOnly(string user)
    {
        using var client = await app.CreateClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/verify")).StatusCode);
        using var auditor = await app.CreateClientForAsync("auditor1");
        using var admin = await app.CreateClientForAsync("admin1");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/audit")).StatusCode);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("after=-1", "after")]
    [InlineData("after=abc", "after")]
    [InlineData("take=0", "take")]
    [InlineData("take=100000", "take")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("actor=%00", "actor")]
    public async Task ABadQueryParameter_Answers400_NamingIt(string query, string field)
    {
        using var auditor = await app.CreateClientForAsync("auditor1");
        var response = await auditor.GetAsync($"/api/audit?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task TheLog_IsPagedByEntryNumber()
    {
        using var auditor = await app.CreateClientForAsync("auditor1");
        var first = await auditor.GetFromJsonAsync<JsonElement>("/api/audit?take=2");
        var numbers = first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal([1L, 2L], numbers);
        var next = first.GetProperty("next").GetInt64();
        var second = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit?take=2&after={next}");
        Assert.Equal(3L, second.GetProperty("entries")[0].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task AnEntryEditedBySql_IsNamed_ByVerifyTheRouteAndTheCommandLine()
    {
        using var auditor = await app.CreateClientForAsync("auditor1");
        await AssertVerifiedAsync();
        var output = new StringWriter();
        Assert.Equal(0, await AuditCommandLine.RunAsync(app.Services, output));

        var original = await app.EntryAsync(3);
        await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "nobody")));
        try
        {
            var verdict = await app.VerifyOverHttpAsync(auditor);
            Assert.False(verdict.GetProperty("verified").GetBoolean());
            Assert.Equal(3, verdict.GetProperty("firstBrokenEntry").GetInt64());
            Assert.Contains("changed after it was written", verdict.GetProperty("problem").GetString());
            Assert.False(string.IsNullOrEmpty(verdict.GetProperty("problemZh").GetString()));

            output = new StringWriter();
            Assert.Equal(1, await AuditCommandLine.RunAsync(app.Services, output));
            Assert.Contains("entry 3", output.ToString());
        }
        finally
        {
            await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, original.Actor)));
        }
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task AnEntryEditedWithItsHashRecomputedWithoutTheKey_IsStillFound()
    {
        var original = await app.EntryAsync(4);
        var forged = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditHash.Canonical(original) + "forged")));
        await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 4)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, AuditOutcomes.Refused).SetProperty(e => e.Hash, forged)));
        try
        {
            var verdict = await app.VerifyAsync();
            Assert.False(verdict.Verified);
            Assert.Equal(4, verdict.FirstBrokenEntry);
        }
        finally
        {
            await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 4)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, original.Outcome).SetProperty(e => e.Hash, original.Hash)));
        }
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task ADeletedEntry_IsNamedAsMissing()
    {
        var original = await app.EntryAsync(5);
        await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 5).ExecuteDeleteAsync());
        try
        {
            var verdict = await app.VerifyAsync();
            Assert.False(verdict.Verified);
            Assert.Equal(5, verdict.FirstBrokenEntry);
            Assert.Contains("Entry 5 is missing", verdict.Problem);
        }
        finally
        {
            await app.QueryAsync(db => { db.Add(original); return db.SaveChangesAsync(); });
        }
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task TwoEntriesSwapped_AreFoundAtTheFirstOfThem()
    {
        await SwapAsync(6, 7);
        try
        {
            var verdict = await app.VerifyAsync();
            Assert.False(verdict.Verified);
            Assert.Equal(6, verdict.FirstBrokenEntry);
            Assert.Contains("does not follow", verdict.Problem);
        }
        finally
        {
            await SwapAsync(6, 7);
        }
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task AnEntryInsertedBySql_IsFound()
    {
        var last = await app.EntryAsync(await app.LastSequenceAsync());
        var forged = new AuditEntry
        {
            Sequence = last.Sequence + 1_000_000, At = DateTimeOffset.UtcNow, Actor = "finance1", Roles = "finance", Action = "payment-order.approved",
            ObjectType = "payment-order", ObjectId = Guid.NewGuid().ToString(), KeyId = last.KeyId, PreviousHash = last.Hash, Hash = new string('a', 64),
        };
        await app.QueryAsync(db => { db.Add(forged); return db.SaveChangesAsync(); });
        try
        {
            var verdict = await app.VerifyAsync();
            Assert.False(verdict.Verified);
            Assert.NotNull(verdict.FirstBrokenEntry);
            Assert.True(verdict.FirstBrokenEntry > last.Sequence);
        }
        finally
        {
            await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == forged.Sequence).ExecuteDeleteAsync());
        }
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task ABrokenLog_AlertsTheAdministrators_WhenTheDailyCheckRuns()
    {
        var original = await app.EntryAsync(8);
        await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 8).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "rewritten")));
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<VerifyAuditLog>().RunAsync(CancellationToken.None);
        }
        finally
        {
            await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence == 8).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, original.Reason)));
        }
        var alert = await app.QueryAsync(db => db.Set<Notification>().OrderByDescending(n => n.CreatedAt).FirstAsync(n => n.Kind == NotificationKinds.AuditLogBroken));
        Assert.True(alert.RecipientIsGroup);
        Assert.Equal("admin", alert.Recipient);
        Assert.Contains("Entry 8", alert.Body);
    }

    [Fact]
    public async Task ConcurrentCommands_KeepOneUnbrokenChain()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var before = await app.LastSequenceAsync();
        var answers = await Task.WhenAll(Enumerable.Range(2050, 12).Select(year =>
            admin.PutAsJsonAsync($"/api/ledger/budgets/tech-upgrade/{year}", new { amountFen = 1_000_00L * year, reason = $"appropriation {year}" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var entries = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(12, entries.Count(e => e.Action == "budget.set"));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => before + i), entries.Select(e => e.Sequence));
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task APayEntryLowered_WithItsPlainSha256Recomputed_IsFoundByReconciliationAndVerification()
    {
        var (order, _) = await PaidInstallmentAsync();
        var entry = await app.QueryAsync(db => db.Set<LedgerEntry>().Include(e => e.Postings).AsNoTracking().SingleAsync(e => e.Reference == $"pay:{order:N}"));
        // Lower the payment by 100 fen on both sides (still balanced) and recompute the checksum as it was computed before: plain SHA-256.
        var lowered = entry.Postings.Select(p => new global::ProjectWorkflow.Funding.Ledger.LedgerPosting(Enum.Parse<global::ProjectWorkflow.Funding.Ledger.LedgerAccount>(p.Account), p.ApplicationId,
            new global::ProjectWorkflow.Funding.Money(p.AmountFen > 0 ? p.AmountFen - 100 : p.AmountFen + 100))).ToList();
        var plain = PlainChecksum(entry.BudgetId, entry.Kind, entry.Reference, entry.ApplicationId, lowered);
        await TamperPostingsAsync(entry, +100, plain);
        try
        {
            using var admin = await app.CreateClientForAsync("admin1");
            var report = await (await PostAsync(admin, "/api/ledger/reconciliations")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "altered-entry"
                && f.GetProperty("entryId").GetInt64() == entry.Id);
            var verdict = await app.VerifyAsync();
            Assert.False(verdict.Verified);
            Assert.Contains($"Ledger entry {entry.Id}", verdict.Problem);
            Assert.Contains("changed", verdict.Problem);
        }
        finally
        {
            await TamperPostingsAsync(entry, 0, entry.Checksum);
        }
        await AssertVerifiedAsync();
    }

    [Fact]
    public async Task DeletedJournalLines_AChangedJournalActor_ADeletedLedgerEntry_AndAChangedPendingPayee_AreAllFound()
    {
        var (paidOrder, instance) = await PaidInstallmentAsync();

        var line = await app.QueryAsync(db => db.Set<JournalRecord>().AsNoTracking().Where(j => j.InstanceId == instance && j.Actor != null).OrderBy(j => j.Id).FirstAsync());
        await app.QueryAsync(db => db.Set<JournalRecord>().Where(j => j.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Actor, "someone-else")));
        await Broken($"Journal line {line.Id}", "changed");
        await app.QueryAsync(db => db.Set<JournalRecord>().Where(j => j.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Actor, line.Actor)));

        var lines = await app.QueryAsync(db => db.Set<JournalRecord>().AsNoTracking().Where(j => j.InstanceId == instance).ToListAsync());
        await app.QueryAsync(db => db.Set<JournalRecord>().Where(j => j.InstanceId == instance).ExecuteDeleteAsync());
        await Broken("Journal line", "gone");
        await RestoreAsync(lines.Cast<object>().ToList());

        var entry = await app.QueryAsync(db => db.Set<LedgerEntry>().Include(e => e.Postings).AsNoTracking().SingleAsync(e => e.Reference == $"pay:{paidOrder:N}"));
        await app.QueryAsync(async db =>
        {
            await db.Set<LedgerEntryPosting>().Where(p => p.EntryId == entry.Id).ExecuteDeleteAsync();
            return await db.Set<LedgerEntry>().Where(e => e.Id == entry.Id).ExecuteDeleteAsync();
        });
        await Broken($"Ledger entry {entry.Id}", "gone");
        await RestoreAsync([entry]);
        await AssertVerifiedAsync();

        // A second project whose order waits for approval: its payee is changed in the database.
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, 2_000_000_00L);
        await LedgerStory.StartAsync(admin, approver, project);
        var pending = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();
        var payee = await app.QueryAsync(db => db.Set<PaymentOrder>().Where(o => o.Id == pending).Select(o => o.Payee).SingleAsync());
        await app.QueryAsync(db => db.Set<PaymentOrder>().Where(o => o.Id == pending).ExecuteUpdateAsync(s => s.SetProperty(o => o.Payee, "Someone Else Trading Ltd.")));
        await Broken($"Payment order {pending}", "changed");
        await app.QueryAsync(db => db.Set<PaymentOrder>().Where(o => o.Id == pending).ExecuteUpdateAsync(s => s.SetProperty(o => o.Payee, payee)));
        await AssertVerifiedAsync();

        var order = await app.QueryAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "payment-order.created" && e.ObjectId == pending.ToString()));
        Assert.Contains(payee, order.Detail);
        Assert.Contains("1,000,000.00", order.Detail);
    }

    [Fact]
    public async Task AnInstallmentPaidFromApprovalToTheBank_NamesEveryStepInTheLog()
    {
        var before = await app.LastSequenceAsync();
        var (order, instance) = await PaidInstallmentAsync();
        var entries = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        var actions = entries.Select(e => e.Action).ToList();
        Assert.Contains("workflow.start-instance", actions);
        Assert.Contains("workflow.task.complete", actions);
        Assert.Contains("workflow.approve-payment-order", actions);
        Assert.Contains("ledger.reserve", actions);
        Assert.Contains("ledger.pay", actions);
        foreach (var step in new[] { "payment-order.created", "payment-order.approved", "payment-order.sent", "payment-order.paid" })
            Assert.Contains(entries, e => e.Action == step && e.ObjectId == order.ToString() && e.Detail!.Contains("上海精密机械制造有限公司"));
        Assert.Contains(entries, e => e.Action == "payment-order.approved" && e.Actor == "finance1" && e.Roles.Contains("finance"));
        Assert.Contains(entries, e => e.Action == "payment-order.paid" && e.Actor == "system");
        Assert.Contains(entries, e => e.ObjectType == "process-instance" && e.ObjectId == instance.ToString());
        // Only the test's own shortcut (the approved project written straight into the database) names no entry.
        Assert.All(entries.Where(e => e.Action == AuditChain.UnrecordedChange), e => Assert.Equal("FundingApplications", e.ObjectType));
        await AssertVerifiedAsync();
    }

    /// <summary>An installment approved by finance1 and confirmed by the bank: (order id, parent instance id).</summary>
    private async Task<(Guid Order, Guid Instance)> PaidInstallmentAsync()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, 2_000_000_00L);
        var parent = await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();
        var key = (await (await LedgerStory.ApproveAsync(finance, orderId)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentKey").GetString()!;
        await app.AnswerAsync(new PaymentConfirmed(key, project.Number, 1_000_000_00L, "BANK-REF-A", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await InstanceAsync(admin, parent)).GetProperty("status").GetString() == "completed", "the installment to be paid");
        return (orderId, parent);
    }

    private async Task AssertVerifiedAsync()
    {
        var verdict = await app.VerifyAsync();
        Assert.True(verdict.Verified, $"entry {verdict.FirstBrokenEntry}: {verdict.Problem}");
    }

    private async Task Broken(string what, string how)
    {
        var verdict = await app.VerifyAsync();
        Assert.False(verdict.Verified, $"verification should find: {what} {how}");
        Assert.True(verdict.Problem!.Contains(what) && verdict.Problem.Contains(how), $"expected {what} {how}, found: {verdict.Problem}");
        Assert.Contains(how, verdict.Problem);
    }

    private Task<int> TamperPostingsAsync(LedgerEntry entry, long lowerBy, string checksum) => app.QueryAsync(async db =>
    {
        foreach (var posting in entry.Postings)
        {
            var amount = posting.AmountFen > 0 ? posting.AmountFen - lowerBy : posting.AmountFen + lowerBy;
            await db.Set<LedgerEntryPosting>().Where(p => p.Id == posting.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountFen, amount));
        }
        return await db.Set<LedgerEntry>().Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Checksum, checksum));
    });

    /// <summary>Puts rows back as they were, keys included, with a context that writes no audit entry (as a database tool would).</summary>
    private async Task RestoreAsync(IReadOnlyList<object> rows)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<ProjectWorkflowDbContext>>();
        await using var db = new ProjectWorkflowDbContext(options);
        foreach (var row in rows) db.Add(row);
        await db.SaveChangesAsync();
    }

    private Task<int> SwapAsync(long a, long b) => app.QueryAsync(async db =>
    {
        await db.Set<AuditEntry>().Where(e => e.Sequence == a).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, -1L));
        await db.Set<AuditEntry>().Where(e => e.Sequence == b).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, a));
        return await db.Set<AuditEntry>().Where(e => e.Sequence == -1L).ExecuteUpdateAsync(s => s.SetProperty(e => e.Sequence, b));
    });

    /// <summary>The ledger checksum as it was computed before it was keyed: what anyone with the source could recompute.</summary>
    private static string PlainChecksum(long budgetId, string kind, string reference, Guid? applicationId, IEnumerable<global::ProjectWorkflow.Funding.Ledger.LedgerPosting> postings)
    {
        var text = new StringBuilder().Append(budgetId).Append('|').Append(kind).Append('|').Append(reference).Append('|').Append(applicationId?.ToString("N") ?? "-");
        foreach (var p in postings.OrderBy(p => p.Account).ThenBy(p => p.ApplicationId).ThenBy(p => p.Amount.Fen))
            text.Append('|').Append(p.Account).Append(':').Append(p.ApplicationId?.ToString("N") ?? "-").Append(':').Append(p.Amount.Fen);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
