using Microsoft.Extensions.Options;

namespace Platform.Data.Buyers;

public sealed class PublicUrlOptions
{
    /// <summary>Public origin of Platform.Api as Invoicebox and buyers reach it, e.g. https://apps.example.ru.</summary>
    public string ApiBaseUrl { get; set; } = "http://127.0.0.1:5100";
}

/// <summary>The absolute URLs we hand to Invoicebox: result screens for the buyer and the tenant's notification endpoint.</summary>
public sealed class PublicUrls(IOptions<PublicUrlOptions> options)
{
    private string Base => options.Value.ApiBaseUrl.TrimEnd('/');

    public string MiniApp(int shopId) => $"{Base}/m/{shopId}/";

    public string Result(int shopId, Guid orderId, string resultToken, bool success, string locale) =>
        $"{Base}/m/{shopId}/result/{orderId}?t={Uri.EscapeDataString(resultToken)}&outcome={(success ? "success" : "fail")}&lang={locale}";

    public string Notification(string webhookKey) => $"{Base}/hooks/invoicebox/{webhookKey}";
}
