using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.PublicNotice;

/// <summary>A project in public notice, as the 名单公示 shows it: the enterprise, the project, the scheme, the support proposed, the last day.</summary>
public sealed record NoticedProject(Guid Id, string Number, string SchemeKey, int Year, string EnterpriseName, string ProjectName, long? ApprovedAmountFen, DateOnly? EndsOn);

/// <summary>A voucher redemption in public notice: the provider, the enterprise served, the amount, the last day.</summary>
public sealed record NoticedVoucher(string Number, string SchemeKey, int Year, string ProviderName, string HolderName, long AmountFen, DateOnly? EndsOn);

public sealed record PublicNoticeView(IReadOnlyList<NoticedProject> Projects, IReadOnlyList<NoticedVoucher> Vouchers);

/// <summary>
/// The public notice (名单公示), for anyone without signing in: the approved projects and voucher redemptions whose
/// notice runs now, each with the day it ends. Only what the published list shows: no reviewer, score, comment,
/// objection or objector, no person's name or identity number, no account. A notice that ended is no longer listed.
/// </summary>
public sealed class ListPublicNotice(ProjectWorkflowDbContext db, TimeProvider time)
{
    public async Task<PublicNoticeView> HandleAsync(CancellationToken cancellationToken)
    {
        var today = ShanghaiDate.Of(time.GetUtcNow());
        var applications = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.InPublicNotice).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var enterpriseIds = applications.Select(a => a.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var instanceIds = applications.Where(a => a.InstanceId != null).Select(a => a.InstanceId!.Value).ToList();
        var states = await db.Set<InstanceRecord>().AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.State, cancellationToken);
        var projects = applications
            .Select(a => new NoticedProject(a.Id, a.Number, a.SchemeKey, a.Year, enterprises.GetValueOrDefault(a.EnterpriseId, ""), a.ProjectName,
                a.ApprovedAmountFen, a.InstanceId is { } id && states.TryGetValue(id, out var state) ? EndsOn(state) : null))
            .Where(p => p.EndsOn is not { } ends || ends >= today)
            .ToList();

        var claims = await db.Set<RedemptionClaim>().AsNoTracking()
            .Where(c => c.Status == RedemptionClaimStatus.InNotice).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        var quotaIds = claims.Select(c => c.QuotaId).Distinct().ToList();
        var holders = await db.Set<VoucherQuota>().AsNoTracking().Where(q => quotaIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.HolderName, cancellationToken);
        var providerIds = claims.Select(c => c.ProviderId).Distinct().ToList();
        var providers = await db.Set<ServiceProvider>().AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var vouchers = claims
            .Where(c => c.NoticeEndsOn is not { } ends || ends >= today)
            .Select(c => new NoticedVoucher(c.Number, c.SchemeKey, c.Year, providers.GetValueOrDefault(c.ProviderId, ""), holders.GetValueOrDefault(c.QuotaId, ""),
                c.AmountFen, c.NoticeEndsOn))
            .ToList();
        return new PublicNoticeView(projects, vouchers);
    }

    /// <summary>The notice's last day (Shanghai), from the process variable <c>noticeEndsAt</c> the publishing step sets.</summary>
    private static DateOnly? EndsOn(string state)
    {
        var variables = JsonSerializer.Deserialize<ProcessInstance>(state, RuntimeJson.Options)!.Variables;
        return variables["noticeEndsAt"] is JsonValue value && value.TryGetValue<string>(out var text)
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? ShanghaiDate.Of(at)
            : null;
    }
}
