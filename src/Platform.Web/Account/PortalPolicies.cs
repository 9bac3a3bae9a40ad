using System.Security.Claims;
using Platform.Data.Identity;

namespace Platform.Web.Account;

/// <summary>Who may see what. Merchants act for the tenant in their claim; operators and support have no tenant.</summary>
public static class PortalPolicies
{
    /// <summary>Owner or staff of a shop.</summary>
    public const string Merchant = "merchant";
    /// <summary>The shop's owner: credentials, points of sale, going live, the team, refunds.</summary>
    public const string Owner = "owner";
    /// <summary>Operators and support: the console; support only reads.</summary>
    public const string Console = "console";
    /// <summary>Operators: actions in the console (suspend, resume).</summary>
    public const string Operator = "operator";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Merchant, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.TenantId)
            .RequireRole(PlatformRoles.Owner, PlatformRoles.Staff));
        options.AddPolicy(Owner, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.TenantId).RequireRole(PlatformRoles.Owner));
        options.AddPolicy(Console, p => p.RequireAuthenticatedUser().RequireRole(PlatformRoles.Operator, PlatformRoles.Support));
        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(PlatformRoles.Operator));
    }

    public static bool IsOwner(this ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Owner) && user.HasClaim(c => c.Type == PlatformClaims.TenantId);

    public static bool IsMerchant(this ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == PlatformClaims.TenantId) && (user.IsInRole(PlatformRoles.Owner) || user.IsInRole(PlatformRoles.Staff));

    public static bool IsConsoleUser(this ClaimsPrincipal user) => user.IsInRole(PlatformRoles.Operator) || user.IsInRole(PlatformRoles.Support);
}
