namespace ProjectWorkflow.Cluster.Tests;

/// <summary>Where the web app's build output is: the same configuration as these tests, found from the repository root.</summary>
internal static class WebApp
{
    public static string Locate()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);   // tests/ProjectWorkflow.Cluster.Tests/bin/<Configuration>/<tfm>/
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ProjectWorkflow.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No ProjectWorkflow.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "src", "ProjectWorkflow.Web", "bin", configuration, framework, "ProjectWorkflow.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The web app is not built at {dll}: build the solution (or this project) first.", dll);
    }
}
