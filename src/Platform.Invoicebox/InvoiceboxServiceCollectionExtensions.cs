using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Invoicebox.RateLimiting;

namespace Platform.Invoicebox;

public static class InvoiceboxServiceCollectionExtensions
{
    /// <summary>The named HttpClient every <see cref="IInvoiceboxClient"/> uses; add handlers (telemetry, test stubs) to it.</summary>
    public const string HttpClientName = "Invoicebox";

    /// <summary>
    /// Registers <see cref="IInvoiceboxClientFactory"/>, the per-merchant rate limiters and the named HttpClient.
    /// <paramref name="section"/> binds <see cref="InvoiceboxOptions"/> (e.g. <c>configuration.GetSection("Invoicebox")</c>).
    /// </summary>
    public static IServiceCollection AddInvoiceboxClient(this IServiceCollection services, IConfiguration? section = null)
    {
        var options = services.AddOptions<InvoiceboxOptions>();
        if (section is not null)
            options.Bind(section);
        options.ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MerchantRateLimiters>();
        services.TryAddSingleton<IInvoiceboxClientFactory, InvoiceboxClientFactory>();

        services.AddHttpClient(HttpClientName, client =>
            {
                // The client enforces its own per-attempt timeout, which it can tell apart from the caller's cancellation.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // A redirect is never followed: a shop's base URL is checked against an allow-list, and a 3xx from it must not
            // carry the request (and its bearer token) to a host nobody checked. It surfaces as an unexpected status.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The factory's request logging would print header values at Trace level; the Authorization header carries
            // the tenant's token. Redacting every value keeps it so even if someone turns that logging up.
            .RedactLoggedHeaders(_ => true);
        return services;
    }
}
