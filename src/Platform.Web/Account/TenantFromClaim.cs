using Platform.Data.Identity;
using Platform.Data.Tenancy;

namespace Platform.Web.Account;

/// <summary>
/// Sets the request's <see cref="TenantContext"/> from the signed-in merchant's claim. Nothing else in the portal sets a
/// tenant: no header, query or route value can choose one. Operators have no such claim and see no tenant rows.
/// </summary>
public static class TenantFromClaim
{
    public static IApplicationBuilder UseTenantFromClaim(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirst(PlatformClaims.TenantId)?.Value is { } value
            && Guid.TryParse(value, out var tenantId) && tenantId != Guid.Empty)
            context.RequestServices.GetRequiredService<TenantContext>().Use(tenantId);
        return next(context);
    });

    /// <summary>The current merchant's tenant; pages behind the merchant policy always have one.</summary>
    public static Guid RequireTenantId(this ITenantContext tenant) =>
        tenant.TenantId ?? throw new InvalidOperationException("This page needs a merchant's tenant.");
}
