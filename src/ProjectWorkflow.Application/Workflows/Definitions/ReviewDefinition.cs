using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Timers;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Definitions;

public sealed record RejectDefinitionRequest(string? Reason);

public sealed record PendingDefinitionView(string Key, int Version, string Id, string? Name, string? DeployedBy, DateTimeOffset DeployedAt, int? ActiveVersion);

public sealed record DefinitionReviewView(string Key, int Version, string Id, string Status, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewReason);

/// <summary>
/// Four eyes on money rules: a second administrator, not the one who deployed it, approves a pending version
/// (it becomes the active one: new instances and applications start it, its start timers replace the older ones)
/// or rejects it with a reason (it never runs). Both are audited.
/// </summary>
public sealed class ReviewDefinition(ProjectWorkflowDbContext db, DefinitionCatalog catalog, ReplaceStartTimers startTimers, AuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<PendingDefinitionView>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<DefinitionRecord>().AsNoTracking().Where(d => d.Status == DefinitionStatuses.PendingApproval)
            .Select(d => new { d.Key, d.Version, d.Id, d.Name, d.DeployedBy, d.DeployedAt }).ToListAsync(cancellationToken);
        var keys = pending.Select(p => p.Key).Distinct().ToList();
        var active = (await db.Set<DefinitionRecord>().AsNoTracking().Where(d => keys.Contains(d.Key) && d.Status == DefinitionStatuses.Active)
                .Select(d => new { d.Key, d.Version }).ToListAsync(cancellationToken))
            .GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Max(d => d.Version));
        return pending.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Version)
            .Select(p => new PendingDefinitionView(p.Key, p.Version, p.Id, p.Name, p.DeployedBy, p.DeployedAt, active.TryGetValue(p.Key, out var v) ? v : null))
            .ToList();
    }

    public async Task<DefinitionReviewView> ApproveAsync(string key, int version, Actor actor, CancellationToken cancellationToken)
    {
        var record = await PendingAsync(key, version, actor, "approve", cancellationToken);
        var definition = await catalog.FindAsync(db, record.Id, cancellationToken)
            ?? throw WorkflowException.NotFound($"Process '{key}' has no version {version}.", $"流程“{key}”没有第 {version} 版。");
        record.Status = DefinitionStatuses.Active;
        record.ReviewedBy = actor.Id;
        record.ReviewedAt = time.GetUtcNow();
        // Only when it is the newest active version do its start timers take over from the running ones.
        var newer = await db.Set<DefinitionRecord>().AnyAsync(d => d.Key == key && d.Status == DefinitionStatuses.Active && d.Version > version, cancellationToken);
        IReadOnlyList<StartTimerRecord> armed = newer ? [] : await startTimers.StageAsync(definition, record.Id, record.Version, cancellationToken);
        audit.Record("definition.approved", "definition", record.Id, detail: $"deployed by {record.DeployedBy}, approved by {actor.Id}");
        await db.SaveChangesAsync(cancellationToken);
        startTimers.ScheduleJobs(armed);
        return View(record);
    }

    public async Task<DefinitionReviewView> RejectAsync(string key, int version, RejectDefinitionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
            throw InvalidRequestException.For("reason", "Say why the version is rejected (at most 1,000 characters); the deploying administrator reads it.", "请填写驳回该版本的理由（最多 1000 个字符），部署该版本的管理员将看到。");
        var record = await PendingAsync(key, version, actor, "reject", cancellationToken);
        record.Status = DefinitionStatuses.Rejected;
        record.ReviewedBy = actor.Id;
        record.ReviewedAt = time.GetUtcNow();
        record.ReviewReason = reason;
        audit.Record("definition.rejected", "definition", record.Id, reason: reason, detail: $"deployed by {record.DeployedBy}");
        await db.SaveChangesAsync(cancellationToken);
        return View(record);
    }

    private async Task<DefinitionRecord> PendingAsync(string key, int version, Actor actor, string verb, CancellationToken cancellationToken)
    {
        var record = await db.Set<DefinitionRecord>().FirstOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken)
            ?? throw WorkflowException.NotFound($"Process '{key}' has no version {version}.", $"流程“{key}”没有第 {version} 版。");
        if (record.Status != DefinitionStatuses.PendingApproval)
            throw WorkflowException.Conflict($"Version {version} of '{key}' is {record.Status}{(record.ReviewedBy is null ? "" : $" ({record.ReviewedBy}, {record.ReviewedAt:u})")}: only a version waiting for approval can be reviewed.", $"流程“{key}”第 {version} 版的状态为 {record.Status}{(record.ReviewedBy is null ? "" : $"（{record.ReviewedBy}，{record.ReviewedAt:u}）")}：只有待审批的版本才能审核。");
        if (string.Equals(record.DeployedBy, actor.Id, StringComparison.Ordinal))
        {
            audit.Record($"definition.{verb}", "definition", record.Id, outcome: AuditOutcomes.Refused, reason: "the deploying administrator cannot review their own version");
            await db.SaveChangesAsync(cancellationToken);
            throw WorkflowException.Forbidden(
                $"You deployed version {version} of '{key}': a second administrator must {verb} it (four eyes on the processes money depends on).",
                $"流程“{key}”第 {version} 版由您部署，须由第二名管理员{(verb == "reject" ? "驳回" : "批准")}（涉及资金的流程须经两名管理员把关）。");
        }
        return record;
    }

    private static DefinitionReviewView View(DefinitionRecord d) => new(d.Key, d.Version, d.Id, d.Status, d.ReviewedBy, d.ReviewedAt, d.ReviewReason);
}
