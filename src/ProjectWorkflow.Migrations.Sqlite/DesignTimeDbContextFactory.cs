using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the DbContext for this provider without the web host.
/// No file is opened: `migrations add` and `migrations script` only need the model.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProjectWorkflowDbContext>
{
    public ProjectWorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ProjectWorkflowDbContext>();
        DatabaseProvider.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new ProjectWorkflowDbContext(options.Options);
    }
}
