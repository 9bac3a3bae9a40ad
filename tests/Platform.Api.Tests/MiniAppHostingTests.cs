using System.Net;
using System.Text.Json;
using System.Net.Http.Json;

namespace Platform.Api.Tests;

[Collection(nameof(ApiCollection))]
public sealed class MiniAppHostingTests(ApiFixture fx)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/result/6f1c2b1e-1111-4222-8333-944455556666")]
    public async Task Mini_app_pages_may_be_framed_by_invoicebox_and_the_emulator_and_set_no_cookie(string path)
    {
        var response = await fx.Client().GetAsync($"/m/{fx.ShopA.ShopId}{path}?id=channel-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors https://*.invoicebox.ru http://127.0.0.1:5400", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Built_assets_are_served_for_every_shop_and_cached_for_long()
    {
        var response = await fx.Client().GetAsync("/m/assets/app-1.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_api_sets_no_cookie_either()
    {
        var response = await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "order" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_buyer_contract()
    {
        var document = await fx.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/m/{posId}/api/session", out _));
        Assert.True(paths.TryGetProperty("/m/{posId}/api/orders/", out _) || paths.TryGetProperty("/m/{posId}/api/orders", out _));
        Assert.True(paths.TryGetProperty("/m/{posId}/api/orders/{orderId}", out _));
        var session = paths.GetProperty("/m/{posId}/api/session").GetProperty("post");
        Assert.Contains(session.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "posId");
        var placeOrder = paths.EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/m/{posId}/api/orders").Value.GetProperty("post");
        Assert.Contains(placeOrder.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(placeOrder.TryGetProperty("security", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("BuyerSession").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_session_and_its_catalog_are_compressed_for_phones()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/m/{fx.ShopA.ShopId}/api/session") { Content = JsonContent.Create(new { minappType = "order" }) };
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await fx.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }
}
