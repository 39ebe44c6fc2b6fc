using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// An administrator adds a voucher scheme's rules for a year (a new scheme key adds a scheme; its process of the same
/// key must be deployed before quotas are applied for). A year's rules, once added, are never changed.
/// </summary>
public sealed class AddVoucherRuleSet(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<VoucherSchemeView> HandleAsync(string schemeKey, VoucherRuleSetDocument document, Actor actor, CancellationToken cancellationToken)
    {
        if (schemeKey is not { Length: > 0 and <= 64 } || !schemeKey.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw InvalidRequestException.For("schemeKey", "A scheme key is lower-case letters, digits and dashes, at most 64 characters.", "券种标识只能由小写字母、数字和连字符组成，最多 64 个字符。");
        var (rules, errors) = document.ToRuleSet(schemeKey);
        if (rules is null) throw new InvalidRequestException(errors);
        if (await db.Set<VoucherRuleSetRecord>().AnyAsync(r => r.SchemeKey == schemeKey && r.Year == rules.Year, cancellationToken))
            throw new ConflictException($"{schemeKey} already has rules for {rules.Year}; a year's rules are never changed.", $"{schemeKey} 已有 {rules.Year} 年规则；年度规则一经新增不再修改。");
        db.Add(new VoucherRuleSetRecord
        {
            SchemeKey = schemeKey,
            Year = rules.Year,
            Document = JsonSerializer.Serialize(VoucherRuleSetDocument.From(rules), VoucherRuleSets.Json),
            AddedAt = time.GetUtcNow(),
            AddedBy = actor.Id,
        });
        audit.Record("voucher-rule-set.added", "voucher-rule-set", $"{schemeKey}:{rules.Year}", detail: rules.Source);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"{schemeKey} {rules.Year} was added at the same moment by someone else.", $"{schemeKey} {rules.Year} 年规则刚刚已由他人新增。");
        }
        return new VoucherSchemeView(schemeKey, rules.Year, rules.IssuerZh, rules.IssuerEn, rules.Source, VoucherRuleSetDocument.From(rules));
    }
}
