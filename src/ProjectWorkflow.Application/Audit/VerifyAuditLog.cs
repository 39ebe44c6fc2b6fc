using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Audit;

/// <summary>
/// The verdict: <see cref="Entries"/> entries read; when not verified, the first broken entry by number (null when the
/// fault is a row that no entry vouches for) and what is wrong, in English (<see cref="Problem"/>) and Chinese.
/// </summary>
public sealed record AuditVerification(bool Verified, long Entries, long? FirstBrokenEntry, string? Problem, string? ProblemZh);

/// <summary>
/// Proves the audit log (<c>audit-verification</c>, daily; also <c>GET /api/audit/verify</c> and <c>audit verify</c> on the
/// command line). Walks the chain in order: numbers run 1, 2, 3 … without gaps, each entry follows the previous one's
/// hash, each hash is the HMAC of the entry under its key, and the head names the last entry. Then it recomputes the
/// digests of the ledger entries, journal lines and payment orders the entries vouch for from the rows as they are now,
/// and looks for such rows that no entry vouches for. It reads and reports; when the log is broken it alerts the
/// administrators in the portal.
/// </summary>
public sealed class VerifyAuditLog(ProjectWorkflowDbContext db, AuditKeys keys, TimeProvider time, ILogger<VerifyAuditLog> logger) : IScheduledCheck
{
    public const string Id = "audit-verification";
    private const int Batch = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var verdict = await HandleAsync(cancellationToken);
        if (verdict.Verified) return;
        db.Add(new Notification
        {
            Id = Guid.NewGuid(),
            Recipient = Roles.Admin,
            RecipientIsGroup = true,
            Kind = NotificationKinds.AuditLogBroken,
            Title = $"审计日志校验失败：{verdict.ProblemZh}",
            TitleEn = $"The audit log does not verify: {verdict.Problem}",
            Body = $"The audit log does not verify: {verdict.Problem}\nRun `audit verify` or GET /api/audit/verify for the details.",
            BodyZh = $"审计日志校验失败：{verdict.ProblemZh}\n运行 `audit verify` 或 GET /api/audit/verify 查看详情。",
            Actor = AuditActor.System.Name,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditVerification> HandleAsync(CancellationToken cancellationToken)
    {
        var verdict = await VerifyAsync(cancellationToken);
        if (!verdict.Verified)
            logger.LogError("Audit log verification failed at entry {Entry}: {Problem}", verdict.FirstBrokenEntry, verdict.Problem);
        return verdict;
    }

    private async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var vouched = new Dictionary<(string Type, string Id), (long Sequence, string Digest, string KeyId)>();
        long expected = 1, count = 0;
        var previous = "";
        while (true)
        {
            var from = expected - 1;
            var batch = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                count++;
                if (Link(entry, expected, previous) is { } broken)
                    return await BrokenAsync(broken.Entry, broken.Problem, cancellationToken);
                foreach (var cover in AuditCovers.Parse(entry.Covers))
                    vouched[(cover.Type, cover.Id)] = (entry.Sequence, cover.Digest, entry.KeyId);
                previous = entry.Hash;
                expected++;
            }
            if (batch.Count < Batch) break;
        }

        var head = await db.Set<AuditHead>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditHead.TheOnlyId, cancellationToken);
        if (head is null)
            return Broken(count, null, new("审计日志的链头记录被删除。", "The audit log's head row was deleted."));
        if (head.LastSequence != expected - 1 || head.LastHash != previous)
            return Broken(count, head.LastSequence == expected - 1 ? head.LastSequence : Math.Min(expected - 1, head.LastSequence) + 1,
                new($"审计日志止于第 {expected - 1} 条，但链头记录为第 {head.LastSequence} 条：末尾的条目被删除或被篡改。",
                    $"The log ends at entry {expected - 1} but its head names entry {head.LastSequence}: entries at the end were removed or altered."));

        return await RowsAsync(count, vouched, cancellationToken) ?? new AuditVerification(true, count, null, null, null);
    }

    private (long Entry, RuleMessage Problem)? Link(AuditEntry entry, long expected, string previous)
    {
        if (entry.Sequence != expected)
            return (expected, new($"第 {expected} 条缺失（下一条是第 {entry.Sequence} 条）。", $"Entry {expected} is missing (the next entry is {entry.Sequence})."));
        if (!keys.TryGet(entry.KeyId, out var key))
            return (entry.Sequence, new($"第 {entry.Sequence} 条使用的密钥“{entry.KeyId}”未配置（Audit:Keys:{entry.KeyId}）。",
                $"Entry {entry.Sequence} is signed with key '{entry.KeyId}', which is not configured (Audit:Keys:{entry.KeyId})."));
        if (entry.PreviousHash != previous)
            return (entry.Sequence, new($"第 {entry.Sequence} 条没有接在第 {entry.Sequence - 1} 条之后：前一条的哈希不符（条目被删除、插入或调换了顺序）。",
                $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: the previous hash it carries differs (an entry was removed, inserted or moved)."));
        if (AuditHash.Of(entry, key) != entry.Hash)
            return (entry.Sequence, new($"第 {entry.Sequence} 条写入后被修改：内容与其哈希不符。",
                $"Entry {entry.Sequence} was changed after it was written: its content no longer matches its hash."));
        return null;
    }

    private async Task<AuditVerification?> RowsAsync(
        long count, Dictionary<(string Type, string Id), (long Sequence, string Digest, string KeyId)> vouched, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(string Type, string Id), object>();
        foreach (var e in await db.Set<Funding.Ledger.LedgerEntry>().AsNoTracking().Include(e => e.Postings).ToListAsync(cancellationToken))
            rows[(AuditCovers.LedgerEntry, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = e;
        foreach (var j in await db.Set<JournalRecord>().AsNoTracking().ToListAsync(cancellationToken))
            rows[(AuditCovers.JournalLine, j.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = j;
        foreach (var o in await db.Set<Funding.Ledger.PaymentOrder>().AsNoTracking().ToListAsync(cancellationToken))
            rows[(AuditCovers.PaymentOrder, o.Id.ToString("D"))] = o;

        (long Entry, RuleMessage Problem)? first = null;
        foreach (var ((type, id), (sequence, digest, keyId)) in vouched)
        {
            if (first is { } f && f.Entry <= sequence) continue;
            rows.TryGetValue((type, id), out var row);
            RuleMessage? problem = null;
            if (digest == AuditCovers.Deleted)
            {
                if (row is not null)
                    problem = new($"{Name(type).Chinese} {id} 已于第 {sequence} 条删除，现在又出现了。", $"{Name(type).English} {id} was deleted by entry {sequence} but is back.");
            }
            else if (row is null)
                problem = new($"第 {sequence} 条记录的{Name(type).Chinese} {id} 已不存在（被删除）。", $"{Name(type).English} {id}, written with entry {sequence}, is gone (deleted).");
            else if (keys.TryGet(keyId, out var key) && AuditCovers.Of(row, key).Digest != digest)
                problem = new($"第 {sequence} 条记录的{Name(type).Chinese} {id} 此后被修改。", $"{Name(type).English} {id}, written with entry {sequence}, was changed afterwards.");
            if (problem is not null) first = (sequence, problem);
        }
        if (first is { } found)
            return Broken(count, found.Entry, found.Problem);

        var stray = rows.Keys.Where(k => !vouched.ContainsKey(k)).OrderBy(k => k.Type).ThenBy(k => k.Id, StringComparer.Ordinal).FirstOrDefault();
        if (stray != default)
            return Broken(count, null, new($"{Name(stray.Type).Chinese} {stray.Id} 不在审计日志中：它不是由本系统的操作写入的。",
                $"{Name(stray.Type).English} {stray.Id} is not in the audit log: no command of this system wrote it."));
        return null;
    }

    private static RuleMessage Name(string type) => type switch
    {
        AuditCovers.LedgerEntry => new("账目分录", "Ledger entry"),
        AuditCovers.JournalLine => new("流程日志行", "Journal line"),
        _ => new("付款单", "Payment order"),
    };

    private async Task<AuditVerification> BrokenAsync(long entry, RuleMessage problem, CancellationToken cancellationToken) =>
        Broken(await db.Set<AuditEntry>().LongCountAsync(cancellationToken), entry, problem);

    private static AuditVerification Broken(long count, long? entry, RuleMessage problem) =>
        new(false, count, entry, problem.English, problem.Chinese);
}
