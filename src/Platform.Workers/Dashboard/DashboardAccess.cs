using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Platform.Data;
using Platform.Data.Identity;

namespace Platform.Workers.Dashboard;

public sealed class DashboardOptions
{
    /// <summary>The portal's sign-in page; anonymous visitors of /hangfire are sent there and come back after signing in.</summary>
    public string SignInUrl { get; set; } = "http://127.0.0.1:5200/Account/Login";
}

/// <summary>
/// Who may see the Hangfire dashboard: operators (full), support (read-only). It reads the portal's sign-in cookie,
/// which the shared Data Protection key ring lets this host decrypt. Anonymous → sign-in redirect (401 for scripts);
/// a signed-in merchant → 403.
/// </summary>
public static class DashboardAccess
{
    public const string Policy = "hangfire-dashboard";
    public const string CookieName = ".Platform.Auth";

    public static IServiceCollection AddDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        // The user store, so every request checks the cookie against the user's row (as the portal does): a removed or
        // demoted operator loses the dashboard on the next request, not when the cookie expires.
        services.AddIdentityCore<PlatformUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.Path = "/";
                o.LoginPath = "/sign-in";
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RefreshFromUserStoreAsync,
                    OnRedirectToLogin = ctx =>
                    {
                        if (IsAjax(ctx.Request))
                            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        else
                        {
                            var back = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}{ctx.Request.Path}{ctx.Request.QueryString}";
                            ctx.Response.Redirect($"{options.SignInUrl}?ReturnUrl={Uri.EscapeDataString(back)}");
                        }
                        return Task.CompletedTask;
                    },
                    OnRedirectToAccessDenied = ctx =>
                    {
                        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    },
                };
            });
        // Hangfire's dashboard validates its forms with ASP.NET Core antiforgery when the service exists: without it an
        // operator's browser could be made to trigger or delete jobs from another site (only SameSite=Lax would stand in the way).
        services.AddAntiforgery();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireRole(PlatformRoles.Operator, PlatformRoles.Support));
        return services;
    }

    /// <summary>
    /// The cookie names a user; their current row decides. Identity's own SecurityStampValidator would also sign the
    /// user out of the two-factor schemes, which only the portal has, so this is the same check without that sign-out:
    /// an unknown user or a changed security stamp rejects the cookie, otherwise the roles are read afresh.
    /// </summary>
    private static async Task RefreshFromUserStoreAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PlatformUser>>();
        var user = context.Principal is { } principal ? await signIn.ValidateSecurityStampAsync(principal) : null;
        if (user is null)
            context.RejectPrincipal();
        else
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
    }

    public static bool IsReadOnly(DashboardContext context) => !context.GetHttpContext().User.IsInRole(PlatformRoles.Operator);

    private static bool IsAjax(HttpRequest request) =>
        request.Headers.XRequestedWith == "XMLHttpRequest" || !request.Headers.Accept.ToString().Contains("text/html");
}

/// <summary>Hangfire's own check, behind the endpoint policy: the same rule, so the dashboard never falls back to "local requests".</summary>
public sealed class DashboardRoleFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && (user.IsInRole(PlatformRoles.Operator) || user.IsInRole(PlatformRoles.Support));
    }
}
