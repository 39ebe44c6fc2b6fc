using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Web.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs, off unless configured: <c>Telemetry:Enabled</c>, or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (which also turns the OTLP exporter on; <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c> are read by the SDK as usual), and a
/// Prometheus scrape endpoint with <c>Telemetry:Prometheus:Enabled</c>. Spans: HTTP in and out, EF Core commands,
/// MassTransit publish/consume, Hangfire jobs (<see cref="JobSpans"/>), engine steps (<see cref="EngineTracing"/>).
/// Metrics: the same plus <see cref="WorkflowMeters"/> and <see cref="FundGauges"/>.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "projectworkflow";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The ActivitySource names traced besides the instrumented libraries.</summary>
    public static readonly string[] Sources = ["MassTransit", EngineTracing.SourceName, JobSpans.SourceName];

    /// <summary>The Meter names measured besides the instrumented libraries.</summary>
    public static readonly string[] Meters = ["MassTransit", WorkflowMeters.MeterName, FundGauges.MeterName];

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue("Telemetry:Enabled", false) || ExportsOtlp(configuration);

    public static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    public static bool ServesPrometheus(IConfiguration configuration) => configuration.GetValue("Telemetry:Prometheus:Enabled", false);

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Cheap without a listener: counted always, exported only when a meter provider listens.
        services.AddScoped<IWorkflowCommitObserver, WorkflowMeters>();
        JobSpans.RegisterOnce();
        if (!IsEnabled(configuration)) return services;

        services.AddHostedService<FundGauges>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])) resource.AddService(ServiceName);
            })
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters))
            .WithLogging();
        if (ExportsOtlp(configuration)) telemetry.UseOtlpExporter();
        if (ServesPrometheus(configuration)) telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> for Prometheus when <c>Telemetry:Prometheus:Enabled</c>; with <c>Telemetry:Prometheus:Port</c>
    /// only on that port (listen on it too, e.g. <c>--urls http://+:8080;http://+:9464</c>), so the public ingress never serves it.
    /// </summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration) || !ServesPrometheus(app.Configuration)) return app;
        var scrape = app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription();
        if (app.Configuration.GetValue<int?>("Telemetry:Prometheus:Port") is { } port) scrape.RequireHost($"*:{port}");
        return app;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
