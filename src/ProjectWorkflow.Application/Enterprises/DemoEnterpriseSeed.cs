using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// The demo applicant's enterprise, so the demo user can apply at once, with a bank account it asked for and a
/// finance officer approved, so its installments can be paid (demo data only).
/// </summary>
public sealed class DemoEnterpriseSeed(ProjectWorkflowDbContext db, TimeProvider time)
{
    public const string Uscc = "91310115MA1H8C2Q0N";
    public const string UserName = "enterprise1";
    public const string Name = "Demo Precision Manufacturing Co., Ltd. 示范精密制造有限公司";
    public const string BankAccount = "6222021001001234567";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<EnterpriseRecord>().FirstOrDefaultAsync(e => e.Uscc == Uscc, cancellationToken);
        if (enterprise is null)
        {
            enterprise = new EnterpriseRecord
            {
                Id = Guid.NewGuid(),
                Uscc = Uscc,
                Name = Name,
                Address = "No. 88 Jinqiao Road, Pudong New Area, Shanghai",
                RegisteredAt = time.GetUtcNow(),
                RegisteredBy = "seed",
                Members = [new EnterpriseMemberRecord { UserName = UserName }],
            };
            db.Add(enterprise);
        }
        if (!await db.Set<EnterpriseBankAccountRecord>().AnyAsync(a => a.EnterpriseId == enterprise.Id, cancellationToken))
            db.Add(new EnterpriseBankAccountRecord
            {
                Id = Guid.NewGuid(),
                EnterpriseId = enterprise.Id,
                BankName = "Bank of Shanghai, Pudong Branch 上海银行浦东分行",
                AccountNumber = BankAccount,
                Status = EnterpriseBankAccountRecord.Approved,
                RequestedBy = UserName,
                RequestedAt = time.GetUtcNow(),
                DecidedBy = "finance1",
                DecidedAt = time.GetUtcNow(),
                DecisionReason = "demo data",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
