using Microsoft.AspNetCore.Identity;

namespace ProjectWorkflow.Application.Identity;

public static class IdentityResultExtensions
{
    public static void ThrowIfFailed(this IdentityResult result, string action)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Could not {action}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
