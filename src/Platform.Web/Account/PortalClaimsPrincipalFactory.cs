using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Data.Identity;

namespace Platform.Web.Account;

/// <summary>Puts the merchant's tenant into the sign-in cookie; it is the only place the portal ever takes a tenant from.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PlatformUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TenantId is { } tenantId)
            identity.AddClaim(new Claim(PlatformClaims.TenantId, tenantId.ToString()));
        if (!string.IsNullOrEmpty(user.DisplayName))
            identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}
