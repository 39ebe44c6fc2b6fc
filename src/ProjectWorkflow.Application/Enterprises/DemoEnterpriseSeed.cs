using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Enterprises;

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
        var enterprise = await db.Set<Enterprise>().FirstOrDefaultAsync(e => e.Uscc == Uscc, cancellationToken);
        if (enterprise is null)
        {
            enterprise = Enterprise.Register(Funding.Enterprises.Uscc.Parse(Uscc), Name, "No. 88 Jinqiao Road, Pudong New Area, Shanghai", "seed", time.GetUtcNow(), firstMember: UserName);
            db.Add(enterprise);
        }
        if (!await db.Set<EnterpriseBankAccount>().AnyAsync(a => a.EnterpriseId == enterprise.Id, cancellationToken))
        {
            var account = enterprise.RequestBankAccount("Bank of Shanghai, Pudong Branch 上海银行浦东分行", BankAccount, UserName, time.GetUtcNow());
            account.Approve("finance1", actsForEnterprise: false, time.GetUtcNow(), "demo data");
            db.Add(account);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
