using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// 400 with an <c>errors</c> list (not the framework's field dictionary), as API.md asks:
/// each item says what to fix, and list items can carry more than a field name
/// (e.g. the engine's <c>{ elementId, kind, line, message }</c>).
/// </summary>
public static class ValidationErrors
{
    public static ProblemHttpResult Problem<TError>(IEnumerable<TError> errors, string? detail = null)
    {
        var list = errors.ToList();
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = detail ?? (list.Count == 1 ? "Correct the error listed in 'errors'." : $"Correct the {list.Count} errors listed in 'errors'."),
            Extensions = { ["errors"] = list },
        });
    }
}
