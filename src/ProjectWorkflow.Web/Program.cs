using ProjectWorkflow.Application;
using ProjectWorkflow.Web.Account;
using ProjectWorkflow.Web.Audit;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Finance;
using ProjectWorkflow.Web.Hangfire;
using ProjectWorkflow.Web.Health;
using ProjectWorkflow.Web.Idempotency;
using ProjectWorkflow.Web.Notifications;
using ProjectWorkflow.Web.OpenApi;
using ProjectWorkflow.Web.Users;
using ProjectWorkflow.Web.Workflows;
using ProjectWorkflow.Web.Schemes;
using ProjectWorkflow.Web.Enterprises;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Ledger;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddErrorHandling();
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddStartupAndHealth();
builder.Services.AddApiDocumentation();
builder.Services.AddOutgoingMail();
builder.Services.AddHangfireJobs();

// The verb prints its verdict; the database commands it runs are not news.
if (AuditCommandLine.Requested(args))
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

var app = builder.Build();

if (AuditCommandLine.Requested(args))
{
    Environment.ExitCode = await AuditCommandLine.RunAsync(app.Services, Console.Out);
    return;
}

app.UseErrorHandling();
app.UseAuthentication();
app.UseAuditActor();
app.UseAuthorization();
app.UseRequestBodyLimit();
app.UseAntiforgery();
app.UseIdempotency();

app.MapHealth();
app.MapApiDocumentation();
app.MapPortalAccount();
app.MapFinanceDesk();
app.MapJobsDashboard();

var api = app.MapGroup("/api").RequireAuthorization().WithIdempotency().WithRequestBodyCheck();
api.MapTokenEndpoint();
api.MapMe();
api.MapUsers();
api.MapDefinitions();
api.MapInstances();
api.MapTasks();
api.MapSchemes();
api.MapEnterprises();
api.MapApplications();
api.MapReviews();
api.MapProjects();
api.MapLedger();
api.MapNotifications();
api.MapAudit();

app.Run();
