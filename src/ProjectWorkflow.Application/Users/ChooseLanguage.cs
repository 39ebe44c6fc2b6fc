using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Users;

/// <summary>A person picks the portal's language (zh-CN or en); it is kept on their user, so every browser they sign in from speaks it.</summary>
public sealed class ChooseLanguage(ProjectWorkflowDbContext db, AuditTrail audit)
{
    public static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>The language saved for <paramref name="userName"/>, or null when they never chose one.</summary>
    public async Task<string?> SavedForAsync(string userName, CancellationToken cancellationToken) =>
        await db.Set<PortalUser>().Where(u => u.UserName == userName).Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Saves the choice; false when <paramref name="language"/> is not one the portal speaks or the user is gone.</summary>
    public async Task<bool> HandleAsync(string userName, string language, CancellationToken cancellationToken)
    {
        if (!Languages.Contains(language)) return false;
        var user = await db.Set<PortalUser>().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null) return false;
        if (user.PreferredCulture == language) return true;
        user.PreferredCulture = language;
        audit.Record("user.language-chosen", "user", userName, detail: $"language {language}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
