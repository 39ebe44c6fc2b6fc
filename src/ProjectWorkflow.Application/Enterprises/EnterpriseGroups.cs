using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// The group a process offers an enterprise's steps to (answer a supplement, sign the agreement, report, request
/// acceptance): <c>enterprise:&lt;id&gt;</c>, named by the process variable <see cref="Variable"/> set when the
/// application is submitted. Everyone acting for the enterprise (its registrant and the colleagues who accepted an
/// invitation) belongs to it, so any of them may take the step, and the step records who did; a user of another
/// enterprise does not. The engine sees only a group name; membership is read here, on every request, so an accepted
/// invitation counts at once.
/// </summary>
public static class EnterpriseGroups
{
    public const string Prefix = Roles.Enterprise + ":";

    /// <summary>The process variable holding the applying enterprise's group (<c>candidateGroups="${enterpriseGroup}"</c>).</summary>
    public const string Variable = "enterpriseGroup";

    public static string Of(Guid enterpriseId) => Prefix + enterpriseId.ToString("D");

    /// <summary>The enterprise a group names, when it names one.</summary>
    public static Guid? EnterpriseOf(string group) =>
        group.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(group.AsSpan(Prefix.Length), out var id) ? id : null;

    /// <summary>The groups of the enterprises a user acts for (one at most today).</summary>
    public static async Task<IReadOnlyList<string>> OfUserAsync(ProjectWorkflowDbContext db, string userName, CancellationToken cancellationToken) =>
        (await db.Set<EnterpriseMember>().AsNoTracking().Where(m => m.UserName == userName).Select(m => m.EnterpriseId)
            .ToListAsync(cancellationToken)).Select(Of).ToList();

    /// <summary>The actor with the groups of the enterprises they act for added (for callers that build an actor without a request: the demo seed).</summary>
    public static async Task<Actor> AddToAsync(ProjectWorkflowDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.Groups.Contains(Roles.Enterprise)) return actor;
        var groups = await OfUserAsync(db, actor.Id, cancellationToken);
        return groups.All(actor.Groups.Contains) ? actor : actor with { Groups = actor.Groups.Union(groups, StringComparer.Ordinal).ToList() };
    }
}
