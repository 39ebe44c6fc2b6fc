using System.Linq.Expressions;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>
/// Whether a candidate row names this person: as a user, or as one of their groups. The one place the
/// database queries (inbox, instance access) match candidates, the same way the engine does.
/// </summary>
public static class TaskCandidates
{
    public static Expression<Func<TaskCandidate, bool>> Naming(Actor actor)
    {
        var me = actor.Id;
        var groups = actor.Groups.ToList();
        return c => (c.IsGroup && groups.Contains(c.Value)) || (!c.IsGroup && c.Value == me);
    }
}
