using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Invoicebox.RateLimiting;

namespace Platform.Invoicebox;

/// <summary>Makes an <see cref="IInvoiceboxClient"/> for one tenant's credentials.</summary>
public interface IInvoiceboxClientFactory
{
    /// <summary>Throws <see cref="ArgumentException"/> when the credentials are unusable (bad URL or prefix, empty token).</summary>
    IInvoiceboxClient Create(InvoiceboxCredentials credentials);
}

internal sealed class InvoiceboxClientFactory(
    IHttpClientFactory httpClients,
    IOptions<InvoiceboxOptions> options,
    MerchantRateLimiters limiters,
    TimeProvider time,
    ILogger<InvoiceboxClient> logger) : IInvoiceboxClientFactory
{
    public IInvoiceboxClient Create(InvoiceboxCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate();
        return new InvoiceboxClient(
            httpClients.CreateClient(InvoiceboxServiceCollectionExtensions.HttpClientName), credentials, options.Value, limiters.For(credentials.MerchantId), time, logger);
    }
}
