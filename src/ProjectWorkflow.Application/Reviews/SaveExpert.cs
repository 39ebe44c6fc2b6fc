using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

public sealed record SaveExpertRequest(IReadOnlyList<string>? Fields);

/// <summary>An administrator enrols a user with the expert role in the pool, or changes the fields they review in.</summary>
public sealed class SaveExpert(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<ExpertView> HandleAsync(string expert, SaveExpertRequest request, CancellationToken cancellationToken)
    {
        if (request.Fields is not { Count: > 0 } fields || fields.Any(f => !ExpertFields.IsKnown(f)))
            throw InvalidRequestException.For("fields", $"Give the fields the expert reviews in: one or more of {string.Join(", ", ExpertFields.All)}.", $"请选择专家的专业领域（可多选）：{string.Join("、", ExpertFields.All)}。");
        var userName = await ExpertUserAsync(db, expert, cancellationToken);
        var now = time.GetUtcNow();
        var profile = await db.Set<ExpertProfile>().Include(p => p.Relations).FirstOrDefaultAsync(p => p.Expert == userName, cancellationToken);
        if (profile is null)
        {
            profile = ExpertProfile.Enrol(userName, fields.Distinct().ToList(), now);
            db.Add(profile);
            audit.Record("expert.enrolled", "expert", userName, detail: $"fields {profile.Fields}");
        }
        else
        {
            var before = profile.Fields;
            profile.SetFields(fields.Distinct().ToList(), now);
            audit.Record("expert.fields-changed", "expert", userName, detail: $"fields {before} → {profile.Fields}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return ExpertView.Of(profile, drawable: true);
    }

    /// <summary>The exact user name of a user holding the expert role; 400 naming <c>expert</c> otherwise.</summary>
    internal static async Task<string> ExpertUserAsync(ProjectWorkflowDbContext db, string expert, CancellationToken cancellationToken)
    {
        var normalized = (expert ?? "").Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > 256)
            throw InvalidRequestException.For("expert", "Name the expert by user name (at most 256 characters).", "请填写专家的用户名（最多 256 个字符）。");
        var userName = await (from user in db.Users
                              join link in db.UserRoles on user.Id equals link.UserId
                              join role in db.Roles on link.RoleId equals role.Id
                              where user.NormalizedUserName == normalized && role.Name == Roles.Expert
                              select user.UserName).FirstOrDefaultAsync(cancellationToken);
        return userName ?? throw InvalidRequestException.For("expert", $"There is no user '{expert}' with the expert role: create the user with that role first (POST /api/users).", $"没有具有评审专家角色的用户“{expert}”，请先创建该用户并授予评审专家角色（POST /api/users）。");
    }
}
