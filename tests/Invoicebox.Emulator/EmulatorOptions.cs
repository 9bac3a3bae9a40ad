namespace Invoicebox.Emulator;

/// <summary>Everything the emulator can be told, bound from the <c>Emulator</c> configuration section.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>Merchants that exist at start. The defaults come from appsettings.json; tests may add more.</summary>
    public List<MerchantOptions> Merchants { get; set; } = [];

    /// <summary>Origin put into <c>paymentUrl</c> (e.g. <c>http://127.0.0.1:5400</c>); null = the origin of the request.</summary>
    public string? PublicOrigin { get; set; }

    /// <summary>Reject a second order of one merchant with the same <c>merchantOrderId</c> (422 <c>merchant_order_id_duplicate</c>).</summary>
    public bool MerchantOrderIdUnique { get; set; } = true;

    public RateLimitOptions RateLimit { get; set; } = new();

    public NotificationOptions Notifications { get; set; } = new();

    /// <summary>How often overdue orders are turned into <c>expired</c> in the background (reads also do it lazily).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the <c>timeoutRate</c> fault holds a response before sending it anyway.</summary>
    public TimeSpan FaultTimeoutHold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Folder with the built probe mini-app; null = look in wwwroot/probe under the content root, then next to the assembly.</summary>
    public string? ProbeDirectory { get; set; }
}

public sealed class MerchantOptions
{
    public string MerchantId { get; set; } = "";
    public string Token { get; set; } = "";
    public string NotificationKey { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary><c>main</c> marks the merchant whose orders open the invoices that suborder mini-apps join.</summary>
    public string? Role { get; set; }

    /// <summary>Returned by the auth check; null = derived from the merchant id.</summary>
    public string? UserId { get; set; }

    /// <summary>The "shop settings" notification URL, used when an order carries no <c>notificationUrl</c>.</summary>
    public string? NotificationUrl { get; set; }
}

public sealed class RateLimitOptions
{
    /// <summary>Requests allowed per token per window; 0 switches the limiter off.</summary>
    public int PermitLimit { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class NotificationOptions
{
    /// <summary>Invoicebox waits 20 s for the shop's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Pause before each retry; the count is the number of retries (Invoicebox: 10 within 24 h). Empty = <see cref="DefaultRetryDelays"/>.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [.. new[] { 1, 2, 5, 10, 20, 30, 60, 120, 300, 600 }.Select(s => TimeSpan.FromSeconds(s))];

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count > 0 ? RetryDelays : DefaultRetryDelays;

    /// <summary>
    /// When set (e.g. <c>http://api:8080</c>), notifications go to this origin with the <c>notificationUrl</c>'s path and
    /// query: in docker compose the shop's public address (<c>http://127.0.0.1:5100</c>) is not reachable from inside the
    /// emulator's container. The journal still shows the URL the order named.
    /// </summary>
    public string? DeliverToOrigin { get; set; }

    /// <summary>Where a notification for <paramref name="notificationUrl"/> is actually sent (null stays null: nothing to send).</summary>
    public Uri? DeliveryUri(string? notificationUrl)
    {
        if (notificationUrl is null)
            return null;
        var named = new Uri(notificationUrl);
        return string.IsNullOrWhiteSpace(DeliverToOrigin) ? named : new Uri(new Uri(DeliverToOrigin), named.PathAndQuery);
    }
}
