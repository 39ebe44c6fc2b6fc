using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.ExternalTasks;

/// <summary>
/// The app on real Kestrel (a worker in another process must reach it over TCP) with external workers enabled:
/// a service task whose topic no handler serves waits for a Camunda external-task worker.
/// </summary>
public sealed class ExternalWorkerApp : PortalApp
{
    public ExternalWorkerApp() => UseKestrel(0);

    protected override bool RunsJobServer => false;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:Engine:ExternalWorkers", "true");
    }

    public override async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        ClientOptions.BaseAddress = Address;
        await base.InitializeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExternalWorkerAppCollection : ICollectionFixture<ExternalWorkerApp>
{
    public const string Name = "external worker app";
}
