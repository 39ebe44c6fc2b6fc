using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Projects;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Projects;

/// <summary>
/// The application's later steps as its enterprise sees them (<c>/portal/applications/{id}/project</c>): answer a
/// return for supplement with new files, sign the agreement, file progress reports, ask for a change, request
/// acceptance, and the installments received. Each button posts to its route here, acts through the use case the
/// API uses, and comes back to the page (post/redirect/get) or shows it again with the refusal in the page's language.
/// </summary>
public static class ProjectPages
{
    private static readonly string[] Done = ["supplement", "agreement", "progress-report", "change-request", "acceptance"];

    public static IEndpointRouteBuilder MapProjectPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/applications/{id:guid}").ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise));
        pages.MapGet("/project", (Guid id, string? done, HttpContext http, CancellationToken ct) =>
            ApplicationsRefused(() => ShowAsync(http, id, Done.FirstOrDefault(d => d == done), null, ct)));

        // Each button reads its form only after the application is found to be the caller's own: another enterprise's
        // application is "not found" whatever the form holds.
        pages.MapPost("/supplement", (Guid id, HttpContext http, Attachments attachments, ListTasks tasks, TaskOperations operations, CancellationToken ct) =>
            ActAsync(http, id, "supplement", async (actor, form) =>
            {
                var note = form["supplementNote"].ToString();
                if (note.Length > 4000) throw InvalidRequestException.For("supplementNote", "The note is at most 4,000 characters.", "补正说明不超过 4000 字。");
                var task = await OpenTaskAsync(tasks, http, id, "supplement", ct)
                    ?? throw new ConflictException("The file is not waiting for a supplement (it was sent back already, or was not returned).", "申报材料未被退回补正，或已补正。");
                if (form.Files.GetFile("file") is { Length: > 0 } file)
                {
                    await using var stream = file.OpenReadStream();
                    await attachments.UploadAsync(id, form["kind"].ToString(), file.FileName, stream, file.Length, actor, ct);
                }
                await operations.CompleteAsync(task, new CompleteTaskRequest(new JsonObject { ["supplementNote"] = note.Trim() }), actor, ct);
            }, ct))
            .WithBodyLimit("Uploads:MaxBytes", Attachments.DefaultMaxBytes, overheadBytes: 64 * 1024);

        pages.MapPost("/agreement", (Guid id, HttpContext http, SignAgreement sign, CancellationToken ct) =>
            ActAsync(http, id, "agreement", (actor, form) =>
                sign.HandleAsync(id, new SignAgreementRequest(Field(form, "payeeName"), Field(form, "payeeAccount")), actor, ct), ct));

        pages.MapPost("/progress-reports", (Guid id, HttpContext http, SubmitProgressReport submit, CancellationToken ct) =>
            ActAsync(http, id, "progress-report", (actor, form) =>
            {
                var percent = Field(form, "percentComplete") is not { } typed ? (int?)null
                    : int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p
                    : throw InvalidRequestException.For("percentComplete", "The share complete is a whole number from 0 to 100.", "完成比例请填写 0 到 100 的整数。");
                return submit.HandleAsync(id, new SubmitProgressReportRequest(Fen(Field(form, "investedSoFar"), "investedSoFar"), percent, Field(form, "summary"),
                    Field(form, "problems"), Field(form, "kind") is "annual" ? "annual" : null), actor, ct);
            }, ct));

        pages.MapPost("/change-requests", (Guid id, HttpContext http, RequestChange change, CancellationToken ct) =>
            ActAsync(http, id, "change-request", (actor, form) =>
            {
                var kind = Field(form, "kind");
                var months = Field(form, "extensionMonths") is not { } typed ? (int?)null
                    : int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m
                    : throw InvalidRequestException.For("extensionMonths", "The extension is a whole number of months.", "延期月数请填写整数。");
                return change.HandleAsync(id, new RequestChangeRequest(kind, kind == "extension" ? months : null, Field(form, "reason")), actor, ct);
            }, ct));

        pages.MapPost("/acceptance", (Guid id, HttpContext http, Attachments attachments, RequestAcceptance accept, CancellationToken ct) =>
            ActAsync(http, id, "acceptance", async (actor, form) =>
            {
                var equipment = Fen(Field(form, "equipment"), "equipment");
                var software = Fen(Field(form, "software"), "software");
                var construction = Fen(Field(form, "construction"), "construction");
                var other = Fen(Field(form, "other"), "other");
                if (form.Files.GetFile("auditReport") is not { Length: > 0 } file)
                    throw InvalidRequestException.For("auditReport", "Attach the audit report.", "请上传专项审计报告。");
                AttachmentView report;
                await using (var stream = file.OpenReadStream())
                    report = await attachments.UploadAsync(id, "audit-report", file.FileName, stream, file.Length, actor, ct);
                await accept.HandleAsync(id, new RequestAcceptanceRequest(equipment, software, construction, other, report.Id, Field(form, "summary")), actor, ct);
            }, ct))
            .WithBodyLimit("Uploads:MaxBytes", Attachments.DefaultMaxBytes, overheadBytes: 64 * 1024);
        return app;
    }

    /// <summary>An amount typed in yuan (two decimals at most) as fen; empty is nothing given.</summary>
    internal static long? Fen(string? yuan, string field)
    {
        if (string.IsNullOrWhiteSpace(yuan)) return null;
        var text = yuan.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (text.Length > 20 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, 2) != value)
            throw InvalidRequestException.For(field, "Give the amount in yuan, with at most two decimals.", "金额请填写元，最多两位小数。");
        return (long)(value * 100);
    }

    private static async Task<Guid?> OpenTaskAsync(ListTasks tasks, HttpContext http, Guid application, string step, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<ProjectWorkflowDbContext>();
        var view = await ApplicationViews.OfAsync(db, await http.RequestServices.GetRequiredService<ApplicationAccess>().OwnedAsync(application, ActorOf.User(http.User), ct), ct);
        if (view.InstanceId is not { } instance) return null;
        var open = await tasks.HandleAsync(new ListTasksRequest("all", instance, 0, 50, Step: step), ActorOf.User(http.User), ct);
        return open.Select(t => (Guid?)t.Id).FirstOrDefault();
    }

    private static async Task<IResult> ApplicationsRefused(Func<Task<IResult>> page) =>
        await Applications.ApplicationPages.RefusedAsPageAsync(page);

    private static async Task<IResult> ActAsync(HttpContext http, Guid id, string done, Func<Engine.Runtime.Actor, IFormCollection, Task> act, CancellationToken ct)
    {
        var actor = ActorOf.User(http.User);
        try
        {
            await http.RequestServices.GetRequiredService<ApplicationAccess>().OwnedAsync(id, actor, ct);
            var form = await FormAsync(http, ct);
            await act(actor, form);
            return Results.LocalRedirect($"/portal/applications/{id}/project?done={done}");
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            return await ApplicationsRefused(() => ShowAsync(http, id, null, refusal, ct, problem.Status ?? StatusCodes.Status400BadRequest));
        }
    }

    private static Task<IResult> ActAsync<T>(HttpContext http, Guid id, string done, Func<Engine.Runtime.Actor, IFormCollection, Task<T>> act, CancellationToken ct) =>
        ActAsync(http, id, done, async (actor, form) => { await act(actor, form); }, ct);

    /// <summary>The posted form; a body that is not one (or a broken multipart body) is a 400 naming the form.</summary>
    private static async Task<IFormCollection> FormAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return FormCollection.Empty;
        try
        {
            return await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            throw InvalidRequestException.For("form", "The form could not be read; send it again.", "表单内容无法读取，请重新提交。");
        }
    }

    /// <summary>A form field as typed, or null when it is empty.</summary>
    private static string? Field(IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static async Task<IResult> ShowAsync(HttpContext http, Guid id, string? done, Exception? refusal, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var services = http.RequestServices;
        var actor = ActorOf.User(http.User);
        var db = services.GetRequiredService<ProjectWorkflowDbContext>();
        var application = await ApplicationViews.OfAsync(db, await services.GetRequiredService<ApplicationAccess>().OwnedAsync(id, actor, ct), ct);
        var timeline = await services.GetRequiredService<ApplicationTimeline>().HandleAsync(id, actor, ct);
        var history = await services.GetRequiredService<ProjectHistory>().HandleAsync(id, actor, ct);
        IReadOnlyList<TaskView> open = application.InstanceId is { } instance
            ? await services.GetRequiredService<ListTasks>().HandleAsync(new ListTasksRequest("all", instance, 0, 50), actor, ct)
            : [];
        var accounts = await services.GetRequiredService<Application.Enterprises.ListBankAccounts>().OfEnterpriseAsync(application.EnterpriseId, actor, ct);
        var enterprise = await services.GetRequiredService<Application.Enterprises.EnterpriseDirectory>().GetAsync(application.EnterpriseId, actor, ct);
        IReadOnlyList<string> refusals = refusal is null ? [] : OneLanguage.Of(refusal);
        return PortalPageResult.Page<ProjectPage>(new
        {
            Application = application,
            Timeline = timeline,
            History = history,
            OpenSteps = (IReadOnlyList<string>)open.Select(t => t.ElementId).Distinct().ToList(),
            RegisteredAccounts = (IReadOnlyList<string>)accounts.Where(a => a.Status == "approved").Select(a => a.AccountNumber).ToList(),
            EnterpriseName = enterprise.Name,
            Done = done,
            Refusals = refusals,
        }, status);
    }
}
