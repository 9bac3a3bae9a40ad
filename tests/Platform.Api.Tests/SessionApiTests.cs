using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Api.Tests;

[Collection(nameof(ApiCollection))]
public sealed class SessionApiTests(ApiFixture fx)
{
    [Fact]
    public async Task A_live_shop_returns_a_token_the_shop_and_its_active_catalog()
    {
        var response = await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "order", locale = "en" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal("en", body.GetProperty("locale").GetString());
        Assert.Equal(fx.ShopA.ShopId, body.GetProperty("shop").GetProperty("posId").GetInt32());
        var products = body.GetProperty("catalog").GetProperty("products").EnumerateArray().ToList();
        var ids = products.Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(fx.Piece.ToString(), ids);
        Assert.Contains(fx.Coffee.ToString(), ids);
        Assert.DoesNotContain(fx.Inactive.ToString(), ids);
        Assert.DoesNotContain(fx.ShopB.ProductId.ToString(), ids);
        var piece = products.Single(p => p.GetProperty("id").GetString() == fx.Piece.ToString());
        Assert.Equal(123.45m, piece.GetProperty("price").GetDecimal());
        Assert.False(piece.GetProperty("unit").GetProperty("fractional").GetBoolean());
        var coffee = products.Single(p => p.GetProperty("id").GetString() == fx.Coffee.ToString());
        Assert.True(coffee.GetProperty("unit").GetProperty("fractional").GetBoolean());
        Assert.Equal("kg", coffee.GetProperty("unit").GetProperty("name").GetString()); // English for an English session
        Assert.Equal("pc", piece.GetProperty("unit").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_price_with_vat_on_top_is_shown_as_the_amount_the_buyer_pays()
    {
        var body = await (await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "order" })).Content.ReadFromJsonAsync<JsonElement>();

        var service = body.GetProperty("catalog").GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetString() == fx.ServiceAdded.ToString());
        Assert.Equal(976.00m, service.GetProperty("price").GetDecimal()); // 800.00 + 22 %
        Assert.Equal("RUS_VAT22_ADDED", service.GetProperty("vatCode").GetString());
    }

    [Fact]
    public async Task An_unknown_point_of_sale_is_404_pos_not_found()
    {
        var response = await fx.Client().PostAsJsonAsync("/m/999999/api/session", new { minappType = "order" });

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "pos_not_found");
    }

    [Fact]
    public async Task Answers_the_framework_writes_itself_carry_a_stable_code_too()
    {
        var noRoute = await fx.Client().PostAsJsonAsync("/m/abc/api/session", new { minappType = "order" });
        var plainText = await fx.Client().PostAsync($"/m/{fx.ShopA.ShopId}/api/session", new StringContent("minappType=order"));

        await AssertProblemAsync(noRoute, HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(plainText, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_shop_that_is_not_live_is_409_shop_unavailable()
    {
        var response = await fx.Client().PostAsJsonAsync($"/m/{fx.DraftShop.ShopId}/api/session", new { minappType = "order" });

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "shop_unavailable");
    }

    [Fact]
    public async Task A_suborder_session_needs_a_valid_container_id()
    {
        var missing = await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "suborder" });
        var garbage = await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "suborder", orderContainerId = "../etc" });
        var ok = await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "suborder", orderContainerId = Guid.NewGuid() });

        var problem = await AssertProblemAsync(missing, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("orderContainerId", out _));
        await AssertProblemAsync(garbage, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task An_unknown_mini_app_type_is_refused_naming_the_field()
    {
        var response = await fx.Client().PostAsJsonAsync($"/m/{fx.ShopA.ShopId}/api/session", new { minappType = "marketplace" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("minappType", out _));
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("{\"minappType\":1}")]
    public async Task A_malformed_session_request_is_400_invalid_json(string body)
    {
        var response = await fx.Client().PostAsync($"/m/{fx.ShopA.ShopId}/api/session", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
    }

    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
