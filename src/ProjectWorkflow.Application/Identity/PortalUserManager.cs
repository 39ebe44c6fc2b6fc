using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProjectWorkflow.Application.Identity;

/// <summary>
/// Identity's user manager, except that giving or taking a role changes the user's security stamp: the stamp is in
/// every token and portal cookie, so a role taken away ends the sessions that still carried it (they answer 401 and
/// the person signs in again with the roles they now have). Identity itself changes the stamp only for the password,
/// the e-mail address and the like. Being locked out (too many wrong passwords, or an administrator disabling the
/// account with a lockout end) changes it too, so a locked account's tokens and cookies stop working at once.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger)
    : UserManager<PortalUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(PortalUser user, string role) =>
        await StampedAsync(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(PortalUser user, IEnumerable<string> roles) =>
        await StampedAsync(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(PortalUser user, string role) =>
        await StampedAsync(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(PortalUser user, IEnumerable<string> roles) =>
        await StampedAsync(user, await base.RemoveFromRolesAsync(user, roles));

    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        var failed = await base.AccessFailedAsync(user);
        return failed.Succeeded && await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : failed;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(PortalUser user, DateTimeOffset? lockoutEnd)
    {
        var changed = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return changed.Succeeded && await IsLockedOutAsync(user) ? await UpdateSecurityStampAsync(user) : changed;
    }

    private async Task<IdentityResult> StampedAsync(PortalUser user, IdentityResult changed) =>
        changed.Succeeded ? await UpdateSecurityStampAsync(user) : changed;
}
