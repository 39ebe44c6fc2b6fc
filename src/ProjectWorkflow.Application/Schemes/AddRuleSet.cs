using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>
/// The administrator adds next year's rules for a scheme, without code. A year's rules are immutable once
/// added (applications were judged by them); a second set for the same year is refused.
/// </summary>
public sealed class AddRuleSet(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<RuleSetView> HandleAsync(string schemeKey, RuleSetDocument document, Actor actor, CancellationToken cancellationToken)
    {
        if (!await db.Set<SchemeRecord>().AnyAsync(s => s.Key == schemeKey, cancellationToken))
            throw new NotFoundException($"There is no scheme '{schemeKey}'.", $"专项“{schemeKey}”不存在。");
        var (ruleSet, errors) = document.ToRuleSet(schemeKey);
        if (ruleSet is null) throw new InvalidRequestException(errors);
        if (await db.Set<RuleSetRecord>().AnyAsync(r => r.SchemeKey == schemeKey && r.Year == ruleSet.Year, cancellationToken))
            throw new ConflictException($"{schemeKey} already has rules for {ruleSet.Year}; rules that applications were judged by are never changed.", $"{schemeKey} 已有 {ruleSet.Year} 年规则；已用于审核申报的规则不能更改。");

        var record = new RuleSetRecord
        {
            SchemeKey = schemeKey,
            Year = ruleSet.Year,
            Document = JsonSerializer.Serialize(RuleSetDocument.From(ruleSet), SchemeJson.Options),
            AddedAt = time.GetUtcNow(),
            AddedBy = actor.Id,
        };
        db.Add(record);
        audit.Record("rule-set.added", "rule-set", $"{schemeKey}:{record.Year}",
            detail: $"document SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(record.Document)))}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"{schemeKey} already has rules for {ruleSet.Year}.", $"{schemeKey} 已有 {ruleSet.Year} 年规则。");
        }
        return new RuleSetView(record.Year, RuleSetDocument.From(ruleSet), record.AddedAt, record.AddedBy);
    }
}
