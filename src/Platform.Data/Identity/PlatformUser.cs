using Microsoft.AspNetCore.Identity;

namespace Platform.Data.Identity;

/// <summary>A person who signs in to the portal: a merchant (owner/staff of one tenant) or an operator/support (no tenant).</summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public Guid? TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public string PreferredLocale { get; set; } = "ru";
}

public static class PlatformRoles
{
    public const string Owner = "owner";
    public const string Staff = "staff";
    public const string Operator = "operator";
    public const string Support = "support";

    public static readonly string[] All = [Owner, Staff, Operator, Support];
}

public static class PlatformClaims
{
    /// <summary>The only source of a merchant's tenant in the portal.</summary>
    public const string TenantId = "platform:tenant";
}
