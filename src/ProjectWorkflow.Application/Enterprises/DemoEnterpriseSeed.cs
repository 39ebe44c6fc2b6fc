using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>The demo applicant's enterprise, so the demo user can apply at once (demo data only).</summary>
public sealed class DemoEnterpriseSeed(ProjectWorkflowDbContext db, TimeProvider time)
{
    public const string Uscc = "91310115MA1H8C2Q0N";
    public const string UserName = "enterprise1";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<EnterpriseRecord>().AnyAsync(e => e.Uscc == Uscc, cancellationToken)) return;
        db.Add(new EnterpriseRecord
        {
            Id = Guid.NewGuid(),
            Uscc = Uscc,
            Name = "Demo Precision Manufacturing Co., Ltd. 示范精密制造有限公司",
            Address = "No. 88 Jinqiao Road, Pudong New Area, Shanghai",
            RegisteredAt = time.GetUtcNow(),
            RegisteredBy = "seed",
            Members = [new EnterpriseMemberRecord { UserName = UserName }],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
