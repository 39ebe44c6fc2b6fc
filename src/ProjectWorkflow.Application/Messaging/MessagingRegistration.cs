using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Events;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit on the transport <c>Messaging:Transport</c> names, our outbox and inbox, the consumers,
    /// the workflow events observer and the treasury simulator.
    /// </summary>
    /// <remarks>
    /// The transport is read now, from the configuration the host has at registration (appsettings,
    /// environment, command line); everything else is read when first used.
    /// </remarks>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddOptions<TreasurySimulatorOptions>().BindConfiguration(TreasurySimulatorOptions.Section)
            .Validate(o => o.FailureRate is >= 0 and <= 1, $"{TreasurySimulatorOptions.Section}:FailureRate is a share from 0 to 1.")
            .Validate(o => o.DelayMs >= 0, $"{TreasurySimulatorOptions.Section}:DelayMs cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxClaims>();
        services.AddScoped<Inbox>();
        services.AddScoped<IWorkflowSessionObserver, WorkflowEventsObserver>();

        var transport = MessagingTransport.Of(configuration);
        var simulateTreasury = configuration.GetValue($"{TreasurySimulatorOptions.Section}:Enabled", true);
        services.AddMassTransit(bus =>
        {
            // MassTransit 8 reports usage to an internet host at start unless told not to: a public fund's server calls nobody.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<DeliverWorkflowMessageConsumer>().Endpoint(e => e.Name = DeliverWorkflowMessage.Queue);
            // A settlement books onto its scheme-year's budget row, which every other settlement of that year books onto too:
            // taken side by side on one node they only lose races to each other (and under load some exhausted their
            // retries and faulted). One at a time per node, they contend only with the other nodes and with approvals.
            bus.AddConsumer<PaymentSettledConsumer>().Endpoint(e =>
            {
                e.Name = PaymentSettledConsumer.Queue;
                e.ConcurrentMessageLimit = 1;
            });
            bus.AddConsumer<Vouchers.VoucherNotifications>().Endpoint(e => e.Name = Vouchers.VoucherNotifications.Queue);
            if (simulateTreasury)
                bus.AddConsumer<TreasurySimulator>().Endpoint(e => e.Name = RequestPayment.Queue);

            // A consumer that lost a race (the same message on two nodes, an instance changed meanwhile, another
            // project's payment booked on the same budget row) fails and is retried; the retry finds the inbox
            // receipt or the new state. The waits grow with a random part, so a bank's batch of confirmations for one
            // scheme-year (all contending for its budget) spreads out and each one is booked, instead of a few
            // exhausting their attempts together and landing in the error queue. A request that can never succeed
            // (no message name) is not retried.
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(retry =>
            {
                retry.Ignore<InvalidRequestException>();
                retry.Exponential(12, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(700));
            }));
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.Tags.Add("ready");
            });

            if (transport == MessagingTransport.RabbitMq)
            {
                var address = RabbitMqAddress.Parse(configuration.GetConnectionString(MessagingTransport.ConnectionStringName));
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
                    {
                        host.Username(address.UserName);
                        host.Password(address.Password);
                        if (address.UseTls) host.UseSsl(ssl => ssl.ServerName = address.Host);
                    });
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });
        // On a fresh broker the first publish is lost unless the host waits for the bus to be up.
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        // After MassTransit's hosted service, so it stops first: no publish is cut off by the bus stopping under it.
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
