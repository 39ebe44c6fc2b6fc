using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The enterprise deletes a draft it will not submit: the draft and its attachments go (a draft claims no invoice and
/// runs no process). The deletion is audited; a submitted application is withdrawn instead (<see cref="WithdrawApplication"/>).
/// </summary>
public sealed class DeleteDraft(ProjectWorkflowDbContext db, ApplicationAccess access, AuditTrail audit, UploadStore store)
{
    public async Task HandleAsync(Guid id, long? revision, Actor actor, CancellationToken cancellationToken)
    {
        // Whose draft it is first, then what was asked: nobody learns anything of another enterprise's draft.
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        // The revision the clerk saw: a draft a colleague changed since is not thrown away unseen.
        if (revision is null) throw InvalidRequestException.For("revision", "Name the revision of the draft you are deleting (?revision=N, from the draft you see).", "请注明要删除的草稿版本号（?revision=N，取自您看到的草稿）。");
        application.EnsureDeletable();
        if (application.Revision != revision)
            throw new ConflictException("The draft was changed elsewhere since you opened it; reload it before deleting it.", "您打开草稿后，草稿已在别处被修改，请刷新页面后再删除。");
        var attachments = await db.Set<AttachmentRecord>().Where(a => a.ApplicationId == id).ToListAsync(cancellationToken);
        db.RemoveRange(attachments);
        db.Remove(application);
        audit.Record("application.draft-deleted", "application", application.Number,
            detail: $"{application.SchemeKey} {application.Year} \"{application.ProjectName}\"; {attachments.Count} attachment(s) deleted");
        await db.SaveChangesAsync(cancellationToken);

        // The files and objects go once the rows are gone (bytes kept in the database went with them).
        await store.DeleteBytesOfAsync(attachments, CancellationToken.None);
    }
}
