using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;

namespace ProjectWorkflow.Application.Workflows.Definitions;

/// <summary>The saved drafts (newest first), and one draft's drawing: what the designer offers to reopen.</summary>
public sealed class GetDefinitionDrafts(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<DefinitionDraftView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Set<DefinitionDraftRecord>().AsNoTracking()
            .Select(d => new DefinitionDraftView(d.Key, d.Name, d.SavedBy, d.SavedAt)).ToListAsync(cancellationToken))
        .OrderByDescending(d => d.SavedAt).ToList();

    public async Task<DefinitionDraftView?> FindAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<DefinitionDraftRecord>().AsNoTracking().Where(d => d.Key == key)
            .Select(d => new DefinitionDraftView(d.Key, d.Name, d.SavedBy, d.SavedAt)).FirstOrDefaultAsync(cancellationToken);

    public async Task<byte[]?> ContentAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<DefinitionDraftRecord>().AsNoTracking().Where(d => d.Key == key).Select(d => d.Content).FirstOrDefaultAsync(cancellationToken);
}
