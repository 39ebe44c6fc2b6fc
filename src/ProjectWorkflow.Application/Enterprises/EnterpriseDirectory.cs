using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// Registering an enterprise and reading enterprises. An enterprise user sees only their own
/// enterprise; reviewers, approvers, finance, administrators and auditors see all.
/// </summary>
public sealed class EnterpriseDirectory(ProjectWorkflowDbContext db, TimeProvider time)
{
    /// <summary>The enterprise user registers the enterprise they act for, by its USCC.</summary>
    public async Task<EnterpriseView> RegisterAsync(RegisterEnterpriseRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!Uscc.TryParse(request.Uscc, out var uscc, out var problem)) errors.Add(FieldError.Of("uscc", problem!.English, problem.Chinese));
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add(FieldError.Of("name", "Enter the enterprise's registered name.", "请填写企业名称。"));
        if (string.IsNullOrWhiteSpace(request.Address)) errors.Add(FieldError.Of("address", "Enter the registered address.", "请填写注册地址。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        if (await db.Set<EnterpriseMember>().AnyAsync(m => m.UserName == actor.Id, cancellationToken))
            throw new ConflictException("You already act for a registered enterprise; one account acts for one enterprise.", "您已代表一家已登记的企业，一个账号只能代表一家企业。");
        if (await db.Set<Enterprise>().AnyAsync(e => e.Uscc == uscc.Value, cancellationToken))
            throw new ConflictException($"The enterprise {uscc} is already registered: ask its registered user to add you, instead of registering it twice.", $"企业 {uscc} 已登记，请该企业的用户邀请您，无需重复登记。");

        var enterprise = Enterprise.Register(uscc, request.Name!, request.Address!, actor.Id, time.GetUtcNow());
        db.Add(enterprise);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"The enterprise {uscc} was registered at the same moment by someone else.", $"企业 {uscc} 已在同一时刻由他人登记。");
        }
        return View(enterprise);
    }

    public async Task<EnterpriseView?> MineAsync(Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Include(e => e.Members)
            .FirstOrDefaultAsync(e => e.Members.Any(m => m.UserName == actor.Id), cancellationToken);
        return enterprise is null ? null : View(enterprise);
    }

    public async Task<EnterpriseView> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Include(e => e.Members).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no enterprise {id}.", $"企业 {id} 不存在。");
        if (!Roles.IsStaff(actor) && enterprise.Members.All(m => m.UserName != actor.Id))
            throw new ForbiddenException("An enterprise's record is visible to its own users and to the fund's staff only.", "企业信息仅对本企业用户和专项资金工作人员开放。");
        return View(enterprise);
    }

    public async Task<IReadOnlyList<EnterpriseView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!Roles.IsStaff(actor)) throw new ForbiddenException("Only the fund's staff list enterprises; use GET /api/enterprises/mine for your own.", "只有专项资金工作人员可以查看企业列表；本企业信息请在“我的企业”查看。");
        var all = await db.Set<Enterprise>().AsNoTracking().Include(e => e.Members).OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return all.Select(View).ToList();
    }

    private static EnterpriseView View(Enterprise e) =>
        new(e.Id, e.Uscc, e.Name, e.Address, e.Members.Select(m => m.UserName).Order(StringComparer.Ordinal).ToList(), e.RegisteredAt);
}
