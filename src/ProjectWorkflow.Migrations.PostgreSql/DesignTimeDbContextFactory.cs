using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef` build the DbContext for this provider without the web host.
/// No server is contacted: `migrations add` and `migrations script` only need the model.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProjectWorkflowDbContext>
{
    public ProjectWorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
        DatabaseProvider.Configure(options, DatabaseProvider.PostgreSql, "Host=localhost;Database=projectworkflow");
        return new ProjectWorkflowDbContext(options.Options);
    }
}
