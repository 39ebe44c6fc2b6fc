using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Demo data: the service provider the demo user provider1 acts for (Demo Testing &amp; Certification Services), vetted,
/// offering two catalogue items of each voucher scheme's catalogue (the latest rule set's). Added once; never changed afterwards.
/// </summary>
public sealed class DemoProviderSeed(ProjectWorkflowDbContext db, VoucherRuleSets ruleSets, TimeProvider time, AuditTrail audit)
{
    public const string UserName = "provider1";
    public const string Uscc = "91310115MA1H8CJT3W";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<ServiceProvider>().AnyAsync(p => p.RegisteredBy == UserName || p.Uscc == Uscc, cancellationToken)) return;
        var now = time.GetUtcNow();
        var provider = ServiceProvider.Register(Funding.Enterprises.Uscc.Parse(Uscc), "Demo Testing & Certification Services", "Li Na", null,
            "Bank of Shanghai", "6222021001009999", UserName, now);
        provider.Vet("seed", now);
        foreach (var (scheme, items) in new[] { ("innovation-voucher", new[] { "product-testing", "industrial-design" }), ("four-new-voucher", new[] { "digital-diagnosis", "brand-design" }) })
        {
            if (await ruleSets.LatestAsync(scheme, cancellationToken) is not { } rules) continue;
            foreach (var key in items)
                if (rules.FindItem(key) is { } item) provider.Offer(scheme, item, Money.FromYuan(20_000));
        }
        db.Add(provider);
        audit.Record("voucher-provider.registered", "voucher-provider", provider.Id.ToString(), "demo data", detail: $"{provider.Name} ({provider.Uscc}), vetted");
        await db.SaveChangesAsync(cancellationToken);
    }
}
