using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

/// <summary>
/// <c>kind</c>: employer, advisory, investment-or-control, legal-dispute (with the enterprise's <c>uscc</c> and, when the
/// tie has ended, <c>endedOn</c>) or drafted-call (with <c>schemeKey</c> and <c>year</c>).
/// </summary>
public sealed record RelateExpertRequest(string? Kind, string? Uscc, string? SchemeKey, int? Year, DateOnly? EndedOn, string? Note);

/// <summary>
/// An administrator records a tie of an expert to an enterprise or a call: the draw then never seats them on those files,
/// and where they already sit on such a panel and have not scored, they are recused and a replacement drawn
/// (<see cref="PanelReview.RecuseRelatedAsync"/>).
/// </summary>
public sealed class RelateExpert(ProjectWorkflowDbContext db, AuditTrail audit, PanelReview panels, TimeProvider time)
{
    public async Task<ExpertRelationView> HandleAsync(string expert, RelateExpertRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        string? uscc = null;
        if (request.Kind is null || !ExpertRelationKinds.IsKnown(request.Kind))
            errors.Add(FieldError.Of("kind", $"The relation is one of: {string.Join(", ", ExpertRelationKinds.All)}.", $"关系类型须为：{string.Join("、", ExpertRelationKinds.All)}。"));
        else if (request.Kind == ExpertRelationKinds.DraftedCall)
        {
            if (string.IsNullOrWhiteSpace(request.SchemeKey) || request.SchemeKey.Length > 64)
                errors.Add(FieldError.Of("schemeKey", "Name the scheme whose call the expert drafted (e.g. tech-upgrade).", "请填写该专家参与起草申报通知的专项（如 tech-upgrade）。"));
            else if (!await db.Set<Schemes.SchemeRecord>().AnyAsync(s => s.Key == request.SchemeKey, cancellationToken))
                errors.Add(FieldError.Of("schemeKey", $"There is no scheme '{request.SchemeKey}'.", $"专项“{request.SchemeKey}”不存在。"));
            if (request.Year is not (>= 2000 and <= 2100))
                errors.Add(FieldError.Of("year", "Give the year of the call (2000 to 2100).", "请填写申报通知的年度（2000 至 2100）。"));
        }
        else if (!Uscc.TryParse(request.Uscc, out var code, out var problem))
            errors.Add(problem is null
                ? FieldError.Of("uscc", "Give the enterprise's unified social credit code.", "请填写企业的统一社会信用代码。")
                : FieldError.Of("uscc", problem.English, problem.Chinese));
        else
            uscc = code.Value;
        if (request.EndedOn is { } ended && ended > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
            errors.Add(FieldError.Of("endedOn", "A tie that ended is dated today or earlier; leave endedOn out while it lasts.", "关系结束日期不能晚于今天；关系仍存续的，请不填。"));
        if (request.Note is { Length: > 1000 })
            errors.Add(FieldError.Of("note", "The note is at most 1,000 characters.", "备注最多 1,000 字。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var userName = await SaveExpert.ExpertUserAsync(db, expert, cancellationToken);
        var profile = await db.Set<ExpertProfile>().Include(p => p.Relations).FirstOrDefaultAsync(p => p.Expert == userName, cancellationToken)
            ?? throw new NotFoundException($"{userName} is not in the expert pool yet: enrol them first (PUT /api/experts/{userName}).", $"{userName} 尚未入选专家库，请先办理入库（PUT /api/experts/{userName}）。");
        var relation = profile.Relate(request.Kind!, uscc, request.SchemeKey?.Trim(), request.Year, request.EndedOn, request.Note, time.GetUtcNow());
        audit.Record("expert.related", "expert", userName, detail: $"{relation.Kind} {relation.Uscc ?? $"{relation.SchemeKey} {relation.Year}"}");
        await db.SaveChangesAsync(cancellationToken);
        await panels.RecuseRelatedAsync(userName, relation, cancellationToken);
        return new ExpertRelationView(relation.Id, relation.Kind, relation.Uscc, relation.SchemeKey, relation.Year, relation.EndedOn, relation.Note);
    }
}
