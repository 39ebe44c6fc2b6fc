using System.Globalization;
using System.Security.Claims;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Web.Applications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;
using ProjectWorkflow.Web.Security;

namespace ProjectWorkflow.Web.Reviews;

/// <summary>
/// The reviewers' views and buttons beside the task page: an attachment previewed in the page (PDF and images); the
/// expert's panel page (the file once declared, the declaration, the rubric's scores and their correction while the panel
/// sits) with its forms (post/redirect/get back to it).
/// </summary>
public static class ReviewPages
{
    private static readonly Dictionary<string, string> Previewable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "application/pdf",
        ["image/png"] = "image/png",
        ["image/jpeg"] = "image/jpeg",
    };

    public static IEndpointRouteBuilder MapReviewPages(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/portal").RequireAuthorization().ExcludeFromDescription();

        // Whoever may read the application (its enterprise, the fund's staff, a declared expert while the panel sits).
        portal.MapGet("/applications/{id:guid}/attachments/{attachmentId:guid}/preview",
            async (Guid id, Guid attachmentId, HttpContext http, ClaimsPrincipal user, Attachments attachments, PanelSeats seats, CancellationToken ct) =>
            {
                // An expert off the file's panel learns nothing, not even whether it exists.
                var actor = ActorOf.User(user);
                if (!Roles.IsStaff(actor) && !actor.Groups.Contains(Roles.Enterprise) && !await seats.HoldsAsync(id, actor, ct))
                    throw new ForbiddenException("This application is visible to its enterprise, the fund's staff and the experts assigned to it.", "此申报仅对申报企业、专项资金工作人员和分配到该项目的评审专家开放。");
                var (record, content) = await attachments.OpenAsync(id, attachmentId, ActorOf.User(user), ct);
                // Only what the upload check proved to be a PDF or an image is shown in the page; anything else downloads.
                if (!Previewable.TryGetValue(record.ContentType, out var type))
                {
                    await content.DisposeAsync();
                    return Results.LocalRedirect($"/api/applications/{id}/attachments/{attachmentId}");
                }
                SecurityHeaders.MarkAsPreview(http);
                return Results.File(content, type, enableRangeProcessing: true);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise, Roles.DistrictReviewer, Roles.DeptApprover, Roles.Finance, Roles.Admin, Roles.Auditor, Roles.Expert));

        var panel = portal.MapGroup("/panel/{id:guid}").RequireAuthorization(policy => policy.RequireRole(Roles.Expert));
        panel.MapGet("/", (Guid id, string? done, ClaimsPrincipal user, PanelReview review, ReviewFile file, CancellationToken ct) =>
            ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var actor = ActorOf.User(user);
                var seat = await review.SeatOfAsync(id, actor, ct);
                return PortalPageResult.Page<ExpertPanelPage>(new { Seat = seat, File = await file.ForApplicationAsync(id, actor, ct), Done = Done(done) });
            }));
        panel.MapPost("/declaration", (Guid id, HttpRequest request, ClaimsPrincipal user, PanelReview review, CancellationToken ct) =>
            ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var form = await FormOfAsync(request, ct);
                var seat = await review.DeclareAsync(id, new DeclarationRequest(Answer(form, "workedForOrAdvisedApplicant"), Answer(form, "legalDisputeWithApplicant"),
                    Answer(form, "draftedTheCall"), Answer(form, "controlOrInvestmentTies"), Answer(form, "closeRelativeInvolved")), ActorOf.User(user), ct);
                return seat.Recused ? Results.LocalRedirect("/portal/tasks?done=recused") : Results.LocalRedirect($"/portal/panel/{id}?done=declared");
            }));
        panel.MapPost("/scores", (Guid id, HttpRequest request, ClaimsPrincipal user, PanelReview review, CancellationToken ct) =>
            ApplicationPages.RefusedAsPageAsync(async () =>
            {
                var form = await FormOfAsync(request, ct);
                var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
                var errors = new List<FieldError>();
                foreach (var (key, value) in form.Where(f => f.Key.StartsWith("points.", StringComparison.Ordinal)))
                {
                    var criterion = key["points.".Length..];
                    if (criterion.Length is 0 or > 100) errors.Add(FieldError.Of("points", "A criterion's key is 1 to 100 characters.", "评分项标识须为 1 至 100 个字符。"));
                    else if (!decimal.TryParse(value.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                        errors.Add(FieldError.Of(key, $"'{value}' is not a number.", $"“{value}”不是数字。"));
                    else points[criterion] = number;
                }
                var comment = form["comment"].ToString();
                if (comment.Length > 4000) errors.Add(FieldError.Of("comment", "A comment is at most 4,000 characters.", "评审意见最多 4,000 字。"));
                if (errors.Count > 0) throw new InvalidRequestException(errors);
                var before = await review.SeatOfAsync(id, ActorOf.User(user), ct);
                await review.ScoreAsync(id, new ScoresRequest(points, comment.Length == 0 ? null : comment), ActorOf.User(user), ct);
                return Results.LocalRedirect($"/portal/panel/{id}?done={(before.Scored ? "corrected" : "scored")}");
            }));
        return app;
    }

    private static async Task<IFormCollection> FormOfAsync(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType ? await request.ReadFormAsync(ct)
            : throw InvalidRequestException.For("form", "Send the page's form (application/x-www-form-urlencoded).", "请通过页面表单提交。");

    private static readonly string[] DoneWords = ["declared", "scored", "corrected"];

    /// <summary>Which button was pressed, for the page's "done" line: only a known word, never free text.</summary>
    private static string? Done(string? done) => DoneWords.FirstOrDefault(d => d == done);

    /// <summary>A yes/no question of the declaration: "true" or "false"; anything else is no answer.</summary>
    private static bool? Answer(IFormCollection form, string question) => form[question].ToString() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
