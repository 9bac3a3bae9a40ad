using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Platform.Web.Account;

/// <summary>
/// Where sign-in may send the user back to: a local path, or a page under the configured Hangfire dashboard
/// (<see cref="PortalOptions.DashboardUrl"/>), which redirects anonymous users here. Anything else is refused, so the
/// sign-in page is never an open redirect.
/// </summary>
public sealed class ReturnUrls(IOptions<PortalOptions> options)
{
    public bool IsAllowed(string? returnUrl, IUrlHelper url) =>
        !string.IsNullOrEmpty(returnUrl) && (url.IsLocalUrl(returnUrl) || IsDashboard(returnUrl));

    public bool IsDashboard(string returnUrl)
    {
        if (!Uri.TryCreate(options.Value.DashboardUrl, UriKind.Absolute, out var dashboard)
            || !Uri.TryCreate(returnUrl, UriKind.Absolute, out var target))
            return false;
        if (target.Scheme != dashboard.Scheme || !string.Equals(target.Authority, dashboard.Authority, StringComparison.OrdinalIgnoreCase)
            || target.UserInfo.Length > 0)
            return false;
        var root = dashboard.AbsolutePath.TrimEnd('/');
        return target.AbsolutePath == root || target.AbsolutePath.StartsWith(root + "/", StringComparison.Ordinal);
    }

    /// <summary>The redirect for an allowed URL, else the portal's home.</summary>
    public IActionResult RedirectTo(string? returnUrl, IUrlHelper url) =>
        IsAllowed(returnUrl, url)
            ? (url.IsLocalUrl(returnUrl) ? new LocalRedirectResult(returnUrl!) : new RedirectResult(returnUrl!))
            : new LocalRedirectResult("/");
}
