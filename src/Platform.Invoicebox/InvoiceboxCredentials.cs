namespace Platform.Invoicebox;

/// <summary>
/// One tenant's access to the Invoicebox API. <paramref name="ApiPrefix"/> is <c>/v3</c> (app.invoicebox.ru shops) or
/// <c>/l3</c> (Инвойсбокс.Бизнес shops). The token never appears in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed record InvoiceboxCredentials(string BaseUrl, string ApiPrefix, string MerchantId, string Token)
{
    public const string ProductionBaseUrl = "https://api.invoicebox.ru";

    public override string ToString() =>
        $"InvoiceboxCredentials {{ BaseUrl = {BaseUrl}, ApiPrefix = {ApiPrefix}, MerchantId = {MerchantId}, Token = *** }}";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unusable field; never echoes the token.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0)
            throw new ArgumentException("BaseUrl must be an absolute http(s) URL without a query.", nameof(BaseUrl));
        if (NormalizedPrefix is null)
            throw new ArgumentException("ApiPrefix must be /v3 or /l3.", nameof(ApiPrefix));
        if (string.IsNullOrWhiteSpace(MerchantId))
            throw new ArgumentException("MerchantId is required.", nameof(MerchantId));
        if (string.IsNullOrWhiteSpace(Token) || Token.Any(char.IsWhiteSpace))
            throw new ArgumentException("Token is required and may not contain whitespace.", nameof(Token));
    }

    /// <summary><c>/v3</c> or <c>/l3</c>, accepting <c>v3</c> and <c>/v3/</c> as well; null for anything else.</summary>
    internal string? NormalizedPrefix => ("/" + (ApiPrefix ?? "").Trim().Trim('/')) switch
    {
        "/v3" => "/v3",
        "/l3" => "/l3",
        _ => null,
    };
}
