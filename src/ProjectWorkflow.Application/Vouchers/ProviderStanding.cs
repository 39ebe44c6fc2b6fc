using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>What the provider-standing use cases share: the reason, the provider found, the save that answers a race as a conflict.</summary>
internal static class ProviderStanding
{
    public static string Reason(ProviderStandingRequest request) =>
        request.Reason?.Trim() is { Length: > 0 and <= 1000 } reason ? reason
            : throw Validation.InvalidRequestException.For("reason", "Give the reason (at most 1,000 characters); the provider reads it.", "请填写理由（最多 1,000 个字符），服务机构可见。");

    public static async Task<ServiceProvider> FindAsync(ProjectWorkflowDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Set<ServiceProvider>().Include(p => p.Services).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException($"There is no service provider {id}.", $"未找到服务机构 {id}。");

    public static async Task SaveAsync(ProjectWorkflowDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The provider changed at the same moment; reload it.", "该服务机构信息刚刚已被修改，请刷新后重试。");
        }
    }
}
