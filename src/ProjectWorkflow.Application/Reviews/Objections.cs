using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Reviews;

public sealed record FileObjectionRequest(string? ObjectorName, string? ObjectorOrganisation, bool? Signed, string? Content);

/// <summary>An objection as shown: the objector is named only to the fund's staff, never to the applicant.</summary>
public sealed record ObjectionView(Guid Id, string Content, DateTimeOffset FiledAt, string? ObjectorName, string? ObjectorOrganisation);

/// <summary>Objections during public notice: written, signed, named — and the objector's identity kept from the applicant.</summary>
public sealed class Objections(ProjectWorkflowDbContext db, ApplicationAccess access, TimeProvider time)
{
    public async Task<ObjectionView> FileAsync(Guid applicationId, FileObjectionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: false, cancellationToken);
        if (application.Status != ApplicationStatus.InPublicNotice)
            throw new ConflictException("Objections are taken only while the project is in public notice.", "仅在项目公示期内受理异议。");
        Check.Rules(new ObjectionNotSignedRule(request.ObjectorName, request.Signed ?? false));
        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > 8000)
            throw InvalidRequestException.For("content", "Write the objection and its grounds (at most 8,000 characters).", "请填写异议内容及事实理由（最多 8,000 字）。");
        var objection = new ObjectionRecord
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            ObjectorName = request.ObjectorName!.Trim(),
            ObjectorOrganisation = request.ObjectorOrganisation?.Trim(),
            FiledBy = actor.Id,
            Content = request.Content.Trim(),
            FiledAt = time.GetUtcNow(),
        };
        db.Add(objection);
        await db.SaveChangesAsync(cancellationToken);
        return new ObjectionView(objection.Id, objection.Content, objection.FiledAt, objection.ObjectorName, objection.ObjectorOrganisation);
    }

    public async Task<IReadOnlyList<ObjectionView>> ListAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken)
    {
        await access.ReadableAsync(applicationId, actor, cancellationToken);
        var staff = Roles.IsStaff(actor);
        var rows = await db.Set<ObjectionRecord>().AsNoTracking().Where(o => o.ApplicationId == applicationId).OrderBy(o => o.FiledAt).ToListAsync(cancellationToken);
        return rows.Select(o => new ObjectionView(o.Id, o.Content, o.FiledAt, staff ? o.ObjectorName : null, staff ? o.ObjectorOrganisation : null)).ToList();
    }
}
