using Microsoft.AspNetCore.Identity;
using Platform.Data.Identity;

namespace Platform.Web.Account;

/// <summary>Creates the platform's roles the first time a user needs one (a fresh database without the demo seed has none).</summary>
public sealed class PortalRoles(RoleManager<IdentityRole<Guid>> roles, ILogger<PortalRoles> log)
{
    public async Task EnsureAsync(string role)
    {
        if (!PlatformRoles.All.Contains(role))
            throw new ArgumentOutOfRangeException(nameof(role), role, "Not a platform role.");
        if (await roles.RoleExistsAsync(role))
            return;
        var created = await roles.CreateAsync(new IdentityRole<Guid>(role));
        // Another request may have created it meanwhile; the unique index keeps one.
        if (!created.Succeeded && !await roles.RoleExistsAsync(role))
            log.LogError("Role {Role} could not be created: {Errors}", role, string.Join("; ", created.Errors.Select(e => e.Code)));
    }
}
