using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Engine;

/// <summary>
/// The engine: compiles BPMN and opens sessions that run commands against instances kept in a store.
/// It holds no instance state itself, so any number of nodes can share one store.
/// </summary>
public sealed class WorkflowEngine(ServiceTaskRegistry serviceTasks, TimeProvider? time = null, WorkflowEngineOptions? options = null)
{
    public ServiceTaskRegistry ServiceTasks { get; } = serviceTasks;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;
    public WorkflowEngineOptions Options { get; } = options ?? new WorkflowEngineOptions();

    /// <summary>Reads and checks a BPMN file; the problems list says everything that is wrong at once.</summary>
    public CompileResult Compile(byte[] xml, string? processId = null) =>
        DefinitionCompiler.Compile(xml, ServiceTasks.Topics, processId, Options.ExternalWorkers);

    /// <summary>Every executable process of a file, each its own definition, as Camunda deploys a file with several.</summary>
    public CompileEachResult CompileEach(byte[] xml) => DefinitionCompiler.CompileEach(xml, ServiceTasks.Topics, Options.ExternalWorkers);

    /// <summary>A unit of work: run commands, then save every instance in <see cref="WorkflowSession.Touched"/>.</summary>
    public WorkflowSession OpenSession(IWorkflowStore store, Actor actor, IServiceProvider? services = null) => new(this, store, actor, services);
}

public sealed class WorkflowEngineOptions
{
    /// <summary>Keep a snapshot at each task completion so the completer can withdraw (撤回) it.</summary>
    public bool EnableWithdraw { get; set; } = true;

    /// <summary>How many nested call activities may start each other before the engine refuses (runaway recursion).</summary>
    public int MaxCallDepth { get; set; } = 16;

    /// <summary>
    /// Camunda's external-task workers: a service task whose topic has no handler here waits as an external task for a
    /// worker to fetch, lock and complete it (deploy accepts such topics), instead of being refused at deploy.
    /// </summary>
    public bool ExternalWorkers { get; set; }
}
