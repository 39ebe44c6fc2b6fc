using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) for each model it meets. EF binds a compiled query to the model of the
/// first context that runs it and refuses any other ("executed with a different model than it was compiled against"):
/// a process holding two models — tests running apps on SQLite and PostgreSQL side by side, tools — would answer 500 on
/// the second. One node has one model, so this compiles once there.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
