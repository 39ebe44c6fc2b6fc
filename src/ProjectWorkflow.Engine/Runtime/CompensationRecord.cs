namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// A completed activity that can still be compensated (Camunda's compensation event subscription): its handler, or —
/// for a completed sub-process without a handler of its own — the records of its inside, which name this record's
/// <see cref="Id"/> as their scope.
/// </summary>
public sealed class CompensationRecord
{
    public Guid Id { get; set; }

    /// <summary>The activity that completed.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>Its compensation handler; null for a sub-process compensated through the records of its inside.</summary>
    public string? HandlerId { get; set; }

    /// <summary>The scope it completed in: a sub-process's scope execution, a completed sub-process's record, or <see cref="Guid.Empty"/> for the process.</summary>
    public Guid ScopeId { get; set; }

    /// <summary>When it completed, in the instance's sequence: compensation undoes the last completed first.</summary>
    public long Order { get; set; }
}
