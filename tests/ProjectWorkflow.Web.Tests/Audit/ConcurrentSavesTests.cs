using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Audit;

/// <summary>
/// Many saves at once on one database: on SQLite they take turns on the file's writer thread (SqliteWriter), on PostgreSQL
/// at the audit chain's head row. Either way each save is whole and chained once, in the caller's own context (its trace),
/// a failed one leaves nothing and tells its caller why, and one made inside the caller's own transaction still commits.
/// Runs on SQLite, and on PostgreSQL with PW_TEST_DB_PROVIDER=PostgreSql.
/// </summary>
[Collection(AuditAppCollection.Name)]
public sealed class ConcurrentSavesTests(AuditApp app)
{
    private static RuleSetRecord RuleSet(int year) =>
        new() { SchemeKey = "green-park", Year = year, Document = "{}", AddedBy = "test", AddedAt = DateTimeOffset.UtcNow };

    [Fact]
    public async Task ThirtyTwoSavesAtOnce_EachCommitWholeAndChainedOnce_InTheirCallersTrace_AndAFailedOneLeavesNothing()
    {
        var years = Enumerable.Range(2101, 32).ToList();
        var traces = new Dictionary<int, string>();
        var saves = years.Select(year => Task.Run(async () =>
        {
            // Each caller has its own trace (an ambient Activity, as a request has): the entry must carry it, so the save
            // must run in the caller's execution context even when another thread does the writing.
            using var activity = new Activity("save " + year).SetIdFormat(ActivityIdFormat.W3C).Start();
            lock (traces) traces[year] = activity.TraceId.ToString();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.concurrent", "rule-set", $"green-park:{year}");
            db.Add(RuleSet(year));
            return await db.SaveChangesAsync();
        })).ToList();
        // Among them, one that breaks the unique (scheme, year) index: it fails alone, with the database's own reason.
        var failing = Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.concurrent-refused", "rule-set", "green-park:2100");
            db.Add(RuleSet(2100));
            db.Add(RuleSet(2100));
            return await db.SaveChangesAsync();
        });

        await Task.WhenAll(saves);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => failing);

        var entries = await app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "test.concurrent").ToListAsync());
        Assert.Equal(years.Select(y => $"green-park:{y}").Order(), entries.Select(e => e.ObjectId).Order());
        foreach (var entry in entries) Assert.Equal(traces[int.Parse(entry.ObjectId["green-park:".Length..])], entry.TraceId);
        Assert.Equal(32, await app.QueryAsync(db => db.Set<RuleSetRecord>().CountAsync(r => r.SchemeKey == "green-park" && r.Year > 2100 && r.Year <= 2132)));
        Assert.False(await app.QueryAsync(db => db.Set<RuleSetRecord>().AnyAsync(r => r.SchemeKey == "green-park" && r.Year == 2100)));
        Assert.False(await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "test.concurrent-refused")));
        Assert.True((await app.VerifyAsync()).Verified);
    }

    [Fact]
    public async Task ASaveInsideTheCallersOwnTransaction_RunsInPlace_AndCommitsWithIt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.in-transaction", "rule-set", "green-park:2140");
            db.Add(RuleSet(2140));
            await db.SaveChangesAsync();
            // Another scope's save meanwhile: on SQLite it waits for this transaction's lock, not the other way round.
            var other = Task.Run(async () =>
            {
                await using var otherScope = app.Services.CreateAsyncScope();
                var otherDb = otherScope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
                otherDb.Add(RuleSet(2141));
                return await otherDb.SaveChangesAsync();
            });
            db.Add(RuleSet(2142));
            db.SaveChanges();
            await transaction.CommitAsync();
            await other;
        }
        Assert.Equal(3, await app.QueryAsync(db => db.Set<RuleSetRecord>().CountAsync(r => r.SchemeKey == "green-park" && r.Year >= 2140 && r.Year <= 2142)));
        Assert.True((await app.VerifyAsync()).Verified);
    }

    [Fact]
    public async Task ASaveWhoseCallerHasGivenUp_BeforeItsTurn_WritesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.cancelled", "rule-set", "green-park:2150");
        db.Add(RuleSet(2150));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(new CancellationToken(canceled: true)));
        Assert.False(await app.QueryAsync(db => db.Set<RuleSetRecord>().AnyAsync(r => r.SchemeKey == "green-park" && r.Year == 2150)));
        Assert.False(await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "test.cancelled")));
    }
}
