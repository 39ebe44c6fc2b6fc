using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// Refusals become problem+json: a use case's (<see cref="RefusalException"/>) and the engine's
/// (<see cref="WorkflowException"/>) by kind — not found 404, conflict 409, forbidden 403, invalid 400 —, a wrong
/// field 400 with an errors list, a broken funding rule 422 with the rule's name and sentences, a move the
/// status does not allow 409. Anything else is a fault, left to the unhandled-exception handler.
/// </summary>
internal sealed class RefusalProblems(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null) return false;

        await problemDetails.WriteAsync(http, problem, exception);
        return true;
    }

    /// <summary>
    /// The problem a refusal answers with, or null for an exception that is not a refusal (a fault). A refusal that carries
    /// its Chinese apart (<see cref="RefusalChinese"/>) has it beside the English detail as <c>detailZh</c>.
    /// </summary>
    public static ProblemDetails? Describe(Exception exception)
    {
        var problem = Problem(exception);
        if (problem is not null && RefusalChinese.Of(exception) is { } chinese) problem.Extensions["detailZh"] = chinese;
        return problem;
    }

    private static ProblemDetails? Problem(Exception exception) =>
        exception switch
        {
            NotFoundException e => Refused(StatusCodes.Status404NotFound, "Not found", e.Message),
            ConflictException e => Refused(StatusCodes.Status409Conflict, "Conflict", e.Message),
            ForbiddenException e => Refused(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            WorkflowException e => new ProblemDetails
            {
                Status = e.Kind switch
                {
                    WorkflowErrorKind.NotFound => StatusCodes.Status404NotFound,
                    WorkflowErrorKind.Conflict => StatusCodes.Status409Conflict,
                    WorkflowErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                    WorkflowErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
                    _ => StatusCodes.Status400BadRequest,
                },
                Title = e.Kind switch
                {
                    WorkflowErrorKind.NotFound => "Not found",
                    WorkflowErrorKind.Conflict => "Conflict",
                    WorkflowErrorKind.Forbidden => "Forbidden",
                    WorkflowErrorKind.Unprocessable => "The process cannot go on",
                    _ => "The request is not valid",
                },
                Detail = e.Message,
            },
            InvalidRequestException e => Invalid(e.Message, e.Errors),
            DefinitionRejectedException e => Invalid(
                e.Problems.Count == 1 ? "The BPMN file has 1 problem; see 'errors'." : $"The BPMN file has {e.Problems.Count} problems; see 'errors'.",
                e.Problems.Select(p => new { p.ElementId, p.Kind, p.Line, p.Message }).ToList()),
            FundingRuleBrokenException e => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = $"Refused by the rule {e.RuleName}",
                Detail = e.Rule.Message.English,
                Extensions = { ["rule"] = e.RuleName, ["messageZh"] = e.Rule.Message.Chinese, ["messageEn"] = e.Rule.Message.English },
            },
            IllegalTransitionException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not possible in this status",
                Detail = e.Message,
            },
            PaymentOrderTransitionException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not possible in this status",
                Detail = e.Message,
            },
            ProjectWorkflow.Funding.Vouchers.VoucherTransitionException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not possible in this status",
                Detail = e.Message,
            },
            _ => null,
        };

    /// <summary>
    /// A refusal as a portal page says it, in the reader's language only: a rule's sentence (messageZh or messageEn), each
    /// field's message, or a use case's refusal (their Chinese when the use case gave one); null when the refusal has only
    /// its English detail and the reader reads English.
    /// </summary>
    public static string? InLanguage(Exception exception, System.Globalization.CultureInfo culture)
    {
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return exception switch
        {
            FundingRuleBrokenException e => chinese ? e.Rule.Message.Chinese : e.Rule.Message.English,
            InvalidRequestException e => string.Join(" ", e.Errors.Select(x => chinese && x.MessageZh is { } zh ? zh : x.Message)),
            _ when chinese => RefusalChinese.Of(exception),
            _ => null,
        };
    }

    /// <summary>What a portal page shows for a refusal: <see cref="InLanguage"/> in the page's language, else the problem's detail.</summary>
    public static string ForReader(Exception refusal, ProblemDetails problem) =>
        InLanguage(refusal, System.Globalization.CultureInfo.CurrentUICulture) is { Length: > 0 } said ? said : problem.Detail ?? problem.Title ?? "";

    private static ProblemDetails Refused(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Invalid(string detail, object errors) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid",
        Detail = detail,
        Extensions = { ["errors"] = errors },
    };
}
