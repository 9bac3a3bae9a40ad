using System.Text.RegularExpressions;

namespace Platform.Web.Shop;

/// <summary>
/// Extra origins allowed to frame a shop's mini-app (CSP <c>frame-ancestors</c>, on top of Invoicebox's). Each is
/// exactly <c>https://host[:port]</c>, optionally with a <c>*.</c> wildcard label, so nothing a merchant types can add
/// another directive or a keyword such as <c>*</c> or <c>'unsafe-inline'</c> to the header.
/// </summary>
public static partial class FramingOrigins
{
    public const int MaxCount = 10;

    /// <returns>The origin as it goes into the header (lowercase, no trailing slash), or null when it is not acceptable.</returns>
    public static string? Normalize(string? input)
    {
        var text = input?.Trim().TrimEnd('/').ToLowerInvariant() ?? "";
        if (text.Length is 0 or > 200 || !Shape().IsMatch(text))
            return null;
        var probe = text.Replace("://*.", "://wildcard.");
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.AbsolutePath == "/" && uri.Host.Contains('.') ? text : null;
    }

    [GeneratedRegex(@"^https://(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?$")]
    private static partial Regex Shape();
}
