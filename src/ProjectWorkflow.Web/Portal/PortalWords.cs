using Microsoft.Extensions.Localization;

namespace ProjectWorkflow.Web.Portal;

/// <summary>The words for codes the API speaks (a status, an event, a scheme key): the resource <c>Prefix.code</c>, or the code itself when none is written yet.</summary>
public static class PortalWords
{
    public static string Of(this IStringLocalizer t, string prefix, string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        var word = t[$"{prefix}.{code}"];
        return word.ResourceNotFound ? code : word.Value;
    }
}
