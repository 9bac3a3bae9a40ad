using Microsoft.Extensions.Options;

namespace Platform.Web.Shop;

/// <summary>The <c>Invoicebox</c> configuration section as far as the portal reads it (the client's own settings are in Platform.Invoicebox).</summary>
public sealed class InvoiceboxAddressOptions
{
    public const string Section = "Invoicebox";
    public const string DefaultBaseUrl = "https://api.invoicebox.ru";

    /// <summary>The API base URLs a shop's credentials may name; none configured means <see cref="DefaultBaseUrl"/> only.</summary>
    public string[] AllowedBaseUrls { get; set; } = [];
}

/// <summary>
/// Which API base URLs a shop may point the portal at. An owner could otherwise make «Проверить подключение» call
/// <c>http://127.0.0.1:&lt;port&gt;</c> or any host and read the differing answers as a port scanner (SSRF). The list is
/// <c>Invoicebox:AllowedBaseUrls</c>; in Development the configured emulator (<c>Portal:EmulatorUrl</c>, whose port
/// <c>PLATFORM_EMULATOR_PORT</c> may move) is allowed as well. Checked when the credentials are saved and again before
/// every call the portal makes.
/// </summary>
public sealed class InvoiceboxAddresses
{
    public InvoiceboxAddresses(IOptions<InvoiceboxAddressOptions> options, IOptions<PortalOptions> portal, IHostEnvironment environment)
    {
        var configured = options.Value.AllowedBaseUrls.Where(u => !string.IsNullOrWhiteSpace(u)).ToList();
        if (configured.Count == 0)
            configured.Add(InvoiceboxAddressOptions.DefaultBaseUrl);
        if (environment.IsDevelopment())
            configured.Add(portal.Value.EmulatorUrl);
        Allowed = configured.Select(Normalize).OfType<string>().Distinct().ToList();
    }

    /// <summary>The allowed base URLs as <c>scheme://host[:port]</c>.</summary>
    public IReadOnlyList<string> Allowed { get; }

    public bool IsAllowed(string? baseUrl) => Normalize(baseUrl) is { } normalized && Allowed.Contains(normalized);

    /// <summary>
    /// <c>HTTPS://Api.Invoicebox.ru:443/</c> → <c>https://api.invoicebox.ru</c>; null for anything that is not a bare
    /// http(s) origin (a path, a query, user info).
    /// </summary>
    public static string? Normalize(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/" || url!.Trim().Length > 300)
            return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
