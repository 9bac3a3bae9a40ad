using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Platform.Invoicebox;

/// <summary>How the platform talks to Invoicebox. Bound from the configuration section passed to <c>AddInvoiceboxClient</c>.</summary>
public sealed class InvoiceboxOptions
{
    /// <summary>Invoicebox requires a User-Agent naming the application and its version.</summary>
    [Required]
    public string UserAgentProduct { get; set; } = "Platform";

    public string UserAgentVersion { get; set; } = DefaultVersion();

    /// <summary>Per attempt, from sending the request to reading the whole response.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Invoicebox allows 100 requests per 30 s per merchant account by default.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may wait for a permit before it fails as rate-limited; zero = never wait.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RateLimitMaxWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls queued per merchant while waiting for a permit; more fail at once as rate-limited.</summary>
    [Range(0, 100_000)]
    public int RateLimitQueueLimit { get; set; } = 1_000;

    /// <summary>Extra attempts for reads after a transient failure or a 429. Writes are never retried.</summary>
    [Range(0, 10)]
    public int ReadRetries { get; set; } = 3;

    /// <summary>First backoff between read attempts; doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReadRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A read is retried after a 429 only when Invoicebox asks to wait at most this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public string UserAgent => $"{UserAgentProduct}/{UserAgentVersion}";

    private static string DefaultVersion()
    {
        var version = typeof(InvoiceboxOptions).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return version.ToString(3);
    }
}
