using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record ApplyForQuotaRequest(
    string? SchemeKey, int? Year, string? ApplicantKind, long? RequestedFen, string? CertificateNumber,
    string? LegalRepresentative, string? Controller, string? TeamName, string? TeamPlace, List<string>? Members);

/// <summary>
/// An enterprise user applies for a year's voucher quota: as the certified SME it acts for (its certificate number), or
/// for a team in an incubator, university park or maker space (its members' ID numbers). The rules of the scheme-year
/// judge eligibility, the annual cap and a team member drawing twice; the scheme's process starts for the review.
/// </summary>
public sealed class ApplyForQuota(ProjectWorkflowDbContext db, VoucherRuleSets ruleSets, WorkflowCommands commands,
    DefinitionCatalog catalog, TimeProvider time, AuditTrail audit)
{
    public async Task<VoucherQuotaView> HandleAsync(ApplyForQuotaRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message, string chinese) { if (!ok) errors.Add(FieldError.Of(field, message, chinese)); }
        Need(request.SchemeKey is { Length: > 0 and <= 64 }, "schemeKey", "Name the voucher scheme (innovation-voucher, four-new-voucher).", "请选择券种（innovation-voucher 创新券、four-new-voucher 四新券）。");
        Need(request.Year is >= 2000 and <= 2100, "year", "The year is between 2000 and 2100.", "年度须在 2000 至 2100 之间。");
        Need(request.ApplicantKind is not null && VoucherRuleSetDocument.ApplicantKinds.ContainsKey(request.ApplicantKind), "applicantKind", "certified-sme or team.", "申请主体须为 certified-sme（科技型中小企业）或 team（创业团队）。");
        Need(request.RequestedFen is > 0 and <= Money.MaxFen, "requestedFen", "The quota asked for, in positive integer fen.", "请填写申请额度（分，正整数）。");
        Need(request.CertificateNumber is null or { Length: <= 64 }, "certificateNumber", "At most 64 characters.", "最多 64 个字符。");
        Need(!string.IsNullOrWhiteSpace(request.LegalRepresentative) && request.LegalRepresentative.Length <= 100, "legalRepresentative", "Name the legal representative (or the team leader), at most 100 characters.", "请填写法定代表人（或团队负责人），最多 100 个字符。");
        Need(request.Controller is null or { Length: <= 300 }, "controller", "At most 300 characters.", "最多 300 个字符。");
        Need(request.TeamName is null or { Length: <= 300 }, "teamName", "At most 300 characters.", "最多 300 个字符。");
        Need(request.TeamPlace is null or { Length: <= 32 }, "teamPlace", "incubator, university-park or maker-space.", "团队所在场所须为 incubator（孵化器）、university-park（大学科技园）或 maker-space（众创空间）。");
        Need(request.Members is null || request.Members.Count <= 50 && request.Members.All(m => m is { Length: > 0 and <= 32 }), "members", "At most 50 members' ID numbers, each at most 32 characters.", "团队成员身份证件号码最多 50 个，每个最多 32 个字符。");
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var rules = await ruleSets.ForAsync(request.SchemeKey!, request.Year!.Value, cancellationToken);
        var kind = VoucherRuleSetDocument.ApplicantKinds[request.ApplicantKind!];
        Guid? enterpriseId = null;
        string holder;
        string? uscc = null;
        if (kind == VoucherApplicantKind.CertifiedSme)
        {
            var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Members.Any(m => m.UserName == actor.Id), cancellationToken)
                ?? throw InvalidRequestException.For("applicantKind", "Register the enterprise you act for first (POST /api/enterprises); a certified SME applies as itself.", "请先登记您所代表的企业（POST /api/enterprises）；科技型中小企业以本企业名义申请。");
            (enterpriseId, holder, uscc) = (enterprise.Id, enterprise.Name, enterprise.Uscc);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.TeamName)) throw InvalidRequestException.For("teamName", "Name the team.", "请填写团队名称。");
            // A team has no record of its own: its name (spacing and case aside) is who it is for the per-team cap,
            // its members' ID numbers who may not draw twice, and the user who applied holds the quota.
            holder = string.Join(' ', request.TeamName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        var applicant = new VoucherApplicant(kind, new VoucherParty(uscc, request.LegalRepresentative, request.Controller),
            request.CertificateNumber, request.TeamName, request.TeamPlace, request.Members);

        var live = db.Set<VoucherQuota>().AsNoTracking().Where(q => q.SchemeKey == rules.SchemeKey && q.Year == rules.Year
            && (q.Status == VoucherQuotaStatus.Applied || q.Status == VoucherQuotaStatus.Granted));
        var held = kind == VoucherApplicantKind.CertifiedSme
            ? await live.Where(q => q.EnterpriseId == enterpriseId).ToListAsync(cancellationToken)
            : await live.Where(q => q.ApplicantKind == VoucherApplicantKind.Team && q.HolderName.ToUpper() == holder.ToUpperInvariant()).ToListAsync(cancellationToken);
        var alreadyHeld = new Money(held.Sum(q => q.Status == VoucherQuotaStatus.Granted ? q.GrantedFen : q.RequestedFen));
        var wanted = applicant.TeamMembers.Select(m => m.Trim().ToUpperInvariant()).ToHashSet();
        var drawing = kind == VoucherApplicantKind.Team
            ? (await live.Where(q => q.ApplicantKind == VoucherApplicantKind.Team).Select(q => q.TeamMembers).ToListAsync(cancellationToken))
                .SelectMany(m => m.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Where(wanted.Contains).Distinct().ToList()
            : [];

        var now = time.GetUtcNow();
        var quota = VoucherQuota.Apply(rules, VoucherAccess.NumberFor(rules.SchemeKey, "Q", rules.Year), applicant, enterpriseId, holder,
            new Money(request.RequestedFen!.Value), alreadyHeld, drawing, actor.Id, now);
        var definition = await catalog.FindLatestAsync(db, rules.SchemeKey, cancellationToken)
            ?? throw new ConflictException($"The process '{rules.SchemeKey}' is not deployed; an administrator deploys it before quotas can be applied for.", $"流程“{rules.SchemeKey}”尚未部署，须由管理员部署后方可申请额度。");
        var instanceId = Guid.NewGuid();
        quota.Attach(instanceId);
        db.Add(quota);
        audit.Record("voucher-quota.applied", "voucher-quota", quota.Number,
            detail: $"{rules.SchemeKey} {rules.Year}: {holder} ({request.ApplicantKind}) asks {quota.RequestedFen} fen");
        await commands.RunAsync(actor, session => session.StartAsync(definition, instanceId, quota.Number, new JsonObject
        {
            ["quotaId"] = quota.Id.ToString(),
            ["quotaNumber"] = quota.Number,
            ["schemeKey"] = rules.SchemeKey,
            ["year"] = rules.Year,
            ["applicant"] = actor.Id,
            ["holderName"] = holder,
            ["requestedFen"] = quota.RequestedFen,
        }, cancellationToken: cancellationToken), cancellationToken);
        return VoucherQuotaView.Of(quota);
    }
}
