using ProjectWorkflow.Application.Workflows.ExternalTasks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Application.Workflows.Deputies;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Incidents;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Reminders;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>A service task handler registered for a BPMN topic.</summary>
public sealed record ServiceTaskBinding(string Topic, Type HandlerType);

public static class WorkflowRegistration
{
    /// <summary>The engine (one per process: it holds no instance state), its catalog, the workflow use cases and the reminder settings.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var registry = new ServiceTaskRegistry();
            foreach (var binding in provider.GetServices<ServiceTaskBinding>())
                registry.Register(binding.Topic, new ScopedHandler(binding.HandlerType),
                    binding.HandlerType.GetCustomAttributes(typeof(SetsVariablesAttribute), false).OfType<SetsVariablesAttribute>().SelectMany(a => a.Names).ToList());
            return new WorkflowEngine(registry, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IOptions<WorkflowEngineOptions>>().Value);
        });
        // Workflows:Engine:ExternalWorkers=true lets service tasks wait for Camunda external-task workers (off by default).
        services.AddOptions<WorkflowEngineOptions>().BindConfiguration("Workflows:Engine");
        services.AddExternalTasks();
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<FormCatalog>();
        services.AddScoped<TaskForms>();
        services.AddScoped<GetForm>();
        services.AddScoped<GetTaskForm>();
        services.AddScoped<WorkflowCommands>();
        services.AddOptions<VariableLimits>().BindConfiguration(VariableLimits.Section);

        services.AddScoped<DeployDefinition>();
        services.AddScoped<MoneyProcesses>();
        services.AddScoped<ReviewDefinition>();
        services.AddScoped<DeployWorkflowFiles>();
        services.AddScoped<ListDefinitions>();
        services.AddScoped<GetDefinitionContent>();
        services.AddScoped<SaveDefinitionDraft>();
        services.AddScoped<GetDefinitionDrafts>();
        services.AddScoped<InstanceAccess>();
        services.AddScoped<StartInstance>();
        services.AddScoped<GetInstance>();
        services.AddScoped<GetJournal>();
        services.AddScoped<EndInstance>();
        services.AddScoped<MigrateInstance>();
        services.AddScoped<ModifyInstance>();
        services.AddScoped<ListIncidents>();
        services.AddScoped<RetryIncident>();
        services.AddScoped<WithdrawCompletion>();
        services.AddScoped<DeliverMessage>();
        services.AddScoped<StartByMessage>();
        services.AddOptions<MessageSendersOptions>().BindConfiguration(MessageSendersOptions.Section);
        services.AddSingleton<MessageSenders>();
        services.AddScoped<DeliverMessageFromOutside>();
        services.AddScoped<BroadcastSignal>();
        services.AddScoped<ListTasks>();
        services.AddScoped<OpenTask>();
        services.AddScoped<TaskCommand>();
        services.AddScoped<TaskOperations>();
        services.AddScoped<TaskApprovals>();
        services.AddScoped<ReopenInstance>();
        services.AddDeputies();
        services.AddScoped<TaskPermissions>();
        services.AddOptions<ReminderSettings>().BindConfiguration(ReminderSettings.Section);
        return services;
    }

    /// <summary>Registers a handler for a service task topic; it is resolved in the command's own scope.</summary>
    public static IServiceCollection AddServiceTask<THandler>(this IServiceCollection services, string topic)
        where THandler : class, IServiceTaskHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new ServiceTaskBinding(topic, typeof(THandler)));
        return services;
    }

    /// <summary>Resolves the real handler from the command's services, so it shares the command's DbContext and transaction.</summary>
    private sealed class ScopedHandler(Type handlerType) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            var services = context.Services
                ?? throw new InvalidOperationException($"The service task '{context.Topic}' needs the host's services, and the session has none.");
            return ((IServiceTaskHandler)services.GetRequiredService(handlerType)).ExecuteAsync(context, cancellationToken);
        }
    }
}
