using System.Text.RegularExpressions;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>Statuses as the API and the database spell them: kebab-case words (<c>returned-for-supplement</c>).</summary>
public static partial class ApplicationStatusText
{
    public static string Of(ApplicationStatus status) => Kebab().Replace(status.ToString(), "$1-$2").ToLowerInvariant();

    public static ApplicationStatus Parse(string text) =>
        Enum.Parse<ApplicationStatus>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>Moves the record through the domain's guarded transition, or throws its refusal.</summary>
    public static void Move(FundingApplication application, ApplicationStatus to, string action)
    {
        var domain = ApplicationLifecycle.At(Parse(application.Status));
        domain.Move(to, action);
        application.Status = Of(domain.Status);
    }

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Kebab();
}
