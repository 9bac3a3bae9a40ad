namespace Platform.Web;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The Hangfire dashboard in Platform.Workers; the only absolute ReturnUrl sign-in accepts is under it.</summary>
    public string DashboardUrl { get; set; } = "http://127.0.0.1:5300/hangfire";

    /// <summary>The Invoicebox emulator whose parent page frames the shop preview (development only).</summary>
    public string EmulatorUrl { get; set; } = "http://127.0.0.1:5400";

    /// <summary>Shows the preview page; on by default in Development, off elsewhere (there is no emulator in production).</summary>
    public bool? PreviewEnabled { get; set; }

    /// <summary>Dates in the portal (order list, filters, chart) are shown and filtered in this zone.</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>The API base URL a new shop gets; development and tests point it at the emulator.</summary>
    public string DefaultInvoiceboxBaseUrl { get; set; } = Platform.Data.Shops.InvoiceboxSettings.DefaultBaseUrl;
}
