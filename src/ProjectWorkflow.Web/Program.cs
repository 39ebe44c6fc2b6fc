using ProjectWorkflow.Application;
using ProjectWorkflow.Web.Account;
using ProjectWorkflow.Web.Administration;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Audit;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Calendar;
using ProjectWorkflow.Web.Dashboards;
using ProjectWorkflow.Web.Designer;
using ProjectWorkflow.Web.Enterprises;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Finance;
using ProjectWorkflow.Web.Hangfire;
using ProjectWorkflow.Web.Health;
using ProjectWorkflow.Web.Hosting;
using ProjectWorkflow.Web.Idempotency;
using ProjectWorkflow.Web.Ledger;
using ProjectWorkflow.Web.Notifications;
using ProjectWorkflow.Web.OpenApi;
using ProjectWorkflow.Web.Portal;
using ProjectWorkflow.Web.ProjectPool;
using ProjectWorkflow.Web.Projects;
using ProjectWorkflow.Web.PublicNotice;
using ProjectWorkflow.Web.Reviews;
using ProjectWorkflow.Web.Schemes;
using ProjectWorkflow.Web.Security;
using ProjectWorkflow.Web.Telemetry;
using ProjectWorkflow.Web.Users;
using ProjectWorkflow.Web.Vouchers;
using ProjectWorkflow.Web.Warnings;
using ProjectWorkflow.Web.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSecretFiles();

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddErrorHandling();
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddStartupAndHealth();
builder.Services.AddApiDocumentation();
builder.Services.AddOutgoingMail();
builder.Services.AddHangfireJobs();
builder.Services.AddSecurityHeaders();
builder.Services.AddPortal();
builder.Services.AddTelemetry(builder.Configuration);

// The verb prints its verdict; the database commands it runs are not news.
if (AuditCommandLine.Requested(args))
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

var app = builder.Build();

if (AuditCommandLine.Requested(args))
    return await AuditCommandLine.RunAsync(app.Services, Console.Out);

// Demo users with the published password never start outside the local demo run (see DemoDataRule); nor does a node
// whose upload store is named but not configured (UploadStore).
if ((ProjectWorkflow.Application.Seeding.DemoDataRule.SettingsProblem(app.Environment, app.Configuration)
        ?? ProjectWorkflow.Application.Applications.UploadStore.SettingsProblem(app.Configuration)) is { } refusal)
{
    app.Logger.LogCritical("Refusing to start: {Reason}", refusal);
    return 1;
}

app.UseSecurityHeaders();
app.UseErrorHandling();
app.UsePortal();
app.UseAuthentication();
app.UseAuditActor();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<ForgedRequestCheck>();
app.UseRequestBodyLimit();
app.UseAntiforgery();
app.UseIdempotency();

app.MapHealth();
app.MapTelemetry();
app.MapApiDocumentation();
app.MapPortalAccount();
app.MapFinanceDesk();
app.MapNotificationPages();
app.MapDeputyPages();
app.MapApplicationPages();
app.MapEnterprisePages();
app.MapProjectPages();
app.MapTaskPages();
app.MapReviewPages();
app.MapAdministrationPages();
app.MapVoucherPages();
app.MapAuditPages();
app.MapPublicNoticePages();
app.MapInstancePages();
app.MapDesignerPages();
app.MapDashboardPages();
app.MapSchemePages();
app.MapJobsDashboard();

var api = app.MapGroup("/api").RequireAuthorization().WithIdempotency().WithRequestBodyCheck();
api.MapTokenEndpoint();
api.MapMe();
api.MapUsers();
api.MapDefinitions();
api.MapInstances();
api.MapTasks();
api.MapApprovals();
api.MapForms();
api.MapIncidents();
api.MapSchemes();
api.MapCalendar();
api.MapWarnings();
api.MapEnterprises();
api.MapApplications();
api.MapProjectPool();
api.MapReviews();
api.MapExperts();
api.MapProjects();
api.MapLedger();
api.MapVouchers();
api.MapDashboards();
api.MapNotifications();
api.MapAudit();

// Camunda 7's REST paths for its external-task workers (README, "External-task workers").
var engineRest = app.MapGroup("/engine-rest").RequireAuthorization().WithRequestBodyCheck();
engineRest.MapExternalTasks();

app.Run();
return Environment.ExitCode;
