using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ProjectWorkflow.Web.Portal;

/// <summary>A portal page (a Razor component) as an endpoint's answer, with its status code.</summary>
public static class PortalPageResult
{
    public static IResult Page<TPage>(object? parameters = null, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters ?? new { }) { StatusCode = status };
}
