using Microsoft.Extensions.Options;

namespace Platform.Web.Security;

/// <summary>
/// Headers on every portal response: the portal is never framed (<c>frame-ancestors 'none'</c> and
/// <c>X-Frame-Options: DENY</c>), loads nothing from elsewhere (the machine and many merchants' networks are offline
/// from CDNs anyway), and runs no inline script or style. A page that must frame something (the shop preview) adds its
/// origin with <see cref="AllowFrame"/>.
/// </summary>
public static class SecurityHeaders
{
    private const string FrameSourcesKey = "platform:csp:frame-src";

    /// <summary>Lets this response frame pages from <paramref name="origin"/> (CSP <c>frame-src</c>).</summary>
    public static void AllowFrame(HttpContext context, string origin) => context.Items[FrameSourcesKey] = origin;

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app)
    {
        var portal = app.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        // Sign-in may redirect to the Hangfire dashboard after a form post; Chrome applies form-action to that redirect.
        var dashboardOrigin = Uri.TryCreate(portal.DashboardUrl, UriKind.Absolute, out var dashboard) ? dashboard.GetLeftPart(UriPartial.Authority) : "";
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var frameSource = context.Items[FrameSourcesKey] as string ?? "'none'";
                // An endpoint that set a stricter policy of its own (images) keeps it.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = string.Join("; ",
                    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
                    "connect-src 'self'", "object-src 'none'", "base-uri 'none'", $"form-action 'self' {dashboardOrigin}".TrimEnd(),
                    $"frame-src {frameSource}", "frame-ancestors 'none'");
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
