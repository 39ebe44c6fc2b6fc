using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Workflows;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>The app with telemetry on (<c>Telemetry:Enabled</c>), exporting into lists the tests read instead of to a collector.</summary>
public sealed class TelemetryApp : PortalApp
{
    public Recorded<Activity> Spans { get; } = new();
    public Recorded<Metric> Metrics { get; } = new();

    protected override bool RunsJobServer => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Read while services are registered, as an operator's environment variable would be.
        builder.UseSetting("Telemetry:Enabled", "true");
        builder.ConfigureServices(services => services
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics)));
    }

    public async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (Spans.LastOrDefault(match) is { } span) return span;
            if (attempt == 50)
                throw new Xunit.Sdk.XunitException($"no such span among: {string.Join(", ", Spans.Where(s => s.Kind == ActivityKind.Server).Select(s => s.DisplayName).Distinct())}");
            await Task.Delay(100);
        }
    }

    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => Spans.Where(s => s.TraceId == trace).ToList();
}

/// <summary>
/// An operator following one request in a tracing tool sees the HTTP request, the database commands it ran and each
/// step the engine took, as one trace; and the engine's counters move.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class TelemetryTests(TelemetryApp app) : IClassFixture<TelemetryApp>
{
    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="telemetry-definitions"
                          targetNamespace="https://projectworkflow.example/tests">
          <bpmn:process id="telemetry-straight-through" isExecutable="true">
            <bpmn:startEvent id="received" />
            <bpmn:endEvent id="done" />
            <bpmn:sequenceFlow id="f1" sourceRef="received" targetRef="done" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task StartingAProcess_IsOneTrace_OfTheRequest_ItsDatabaseCommands_AndEachEngineStep()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        Assert.True((await WorkflowApi.DeployApprovedAsync(admin, Process)).IsSuccessStatusCode);

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "telemetry-straight-through", businessKey = "T-1", variables = new { } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        // The server span ends as the response goes out: the client may read the answer a moment before.
        var request = await app.SpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName.TrimEnd('/') == "POST /api/instances");
        var trace = app.SpansOf(request.TraceId);

        var steps = trace.Where(s => s.Source.Name == EngineTracing.SourceName).ToList();
        Assert.Contains(steps, s => s.DisplayName == "enter startEvent" && Equals(s.GetTagItem("workflow.element.id"), "received"));
        Assert.Contains(steps, s => s.DisplayName == "enter endEvent" && Equals(s.GetTagItem("workflow.element.id"), "done"));
        Assert.All(steps, s => Assert.Equal("telemetry-straight-through", s.GetTagItem("workflow.definition.key")));
        Assert.Contains(trace, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Equal(201, Convert.ToInt32(request.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ProbesAreNotTraced_AndTheEngineCountsInstancesStartedAndEnded()
    {
        using var anonymous = app.CreateAnonymousClient();
        using var admin = await app.CreateClientForAsync("admin1");
        Assert.True((await WorkflowApi.DeployApprovedAsync(admin, Process)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "telemetry-straight-through", variables = new { } })).StatusCode);

        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.DoesNotContain(app.Spans, s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string ?? "").StartsWith("/health", StringComparison.Ordinal));
        Assert.Contains(app.Metrics, m => m.Name == "workflow.instances.started");
        Assert.Contains(app.Metrics, m => m.Name == "workflow.instances.ended");
        Assert.Contains(app.Metrics, m => m.Name == "http.server.request.duration");
    }
}

/// <summary>
/// What an in-memory exporter appends to while the app keeps working in the background (the outbox, timers): every
/// add and every read under one lock, and reading enumerates a copy, so a test never reads a list being added to.
/// </summary>
public sealed class Recorded<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count { get { lock (_items) return _items.Count; } }

    public bool IsReadOnly => false;

    public void Add(T item) { lock (_items) _items.Add(item); }

    public void Clear() { lock (_items) _items.Clear(); }

    public bool Contains(T item) { lock (_items) return _items.Contains(item); }

    public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }

    public bool Remove(T item) { lock (_items) return _items.Remove(item); }

    public IEnumerator<T> GetEnumerator()
    {
        T[] copy;
        lock (_items) copy = [.. _items];
        return ((IEnumerable<T>)copy).GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
