using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using static Platform.Api.Tests.SessionApiTests;

namespace Platform.Api.Tests;

[Collection(nameof(ApiCollection))]
public sealed class OrdersApiTests(ApiFixture fx)
{
    private object Cart(params (Guid Product, decimal Quantity)[] items) => new
    {
        items = items.Select(i => new { productId = i.Product, quantity = i.Quantity }),
        buyer = new { name = "Иван Тестов", email = "Ivan@Example.com", phone = "8 (900) 123-45-67" },
    };

    private async Task<HttpResponseMessage> PlaceAsync(object body, string? key = null, string? token = null, int? shopId = null)
    {
        shopId ??= fx.ShopA.ShopId;
        token ??= await fx.SessionTokenAsync(shopId.Value);
        return await fx.Client().SendAsync(ApiFixture.OrderRequest(shopId.Value, token, key ?? Guid.NewGuid().ToString(), body));
    }

    [Fact]
    public async Task An_order_is_accepted_with_prices_from_the_catalog_and_normalized_contacts()
    {
        // The client tries to set its own prices; they are not part of the contract and must be ignored.
        var body = new
        {
            items = new object[] { new { productId = fx.Piece, quantity = 2, price = 0.01 }, new { productId = fx.Coffee, quantity = 0.3, price = 0.01 } },
            buyer = new { name = "Иван Тестов", email = "Ivan@Пример.РФ", phone = "8 (900) 123-45-67" },
            amount = 0.02,
        };

        var response = await PlaceAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var orderId = Guid.Parse(accepted.GetProperty("orderId").GetString()!);
        var order = await fx.InTenantAsync(fx.ShopA.Id, db => db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId));
        // 123.45 × 2 = 246.90; 2450.00 × 0.3 = 735.00
        Assert.Equal(new Kopecks(24_690 + 73_500), order.Amount);
        Assert.Equal(new Kopecks(4_115 + 13_254), order.VatAmount); // 246.90×20/120 = 41.15; 735.00×22/122 = 132.54
        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Equal("79001234567", order.BuyerPhone);
        Assert.Equal("ivan@пример.рф", order.BuyerEmail);
        Assert.Equal(0.3m, order.Lines.Single(l => l.ProductId == fx.Coffee).Quantity);
    }

    [Fact]
    public async Task The_accepted_order_is_published_to_the_workers_with_its_tenant()
    {
        var response = await PlaceAsync(Cart((fx.Piece, 1)));
        var orderId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!SubmitOrderProbe.Received.Any(m => m.OrderId == orderId) && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        var message = Assert.Single(SubmitOrderProbe.Received, m => m.OrderId == orderId);
        Assert.Equal(fx.ShopA.Id, message.TenantId);
        var published = await fx.InTenantAsync(fx.ShopA.Id, db => db.Orders.Where(o => o.Id == orderId).Select(o => o.PublishedAt).SingleAsync());
        Assert.NotNull(published);
    }

    [Fact]
    public async Task Twenty_parallel_posts_with_one_idempotency_key_make_one_order()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var key = Guid.NewGuid().ToString();
        var cart = Cart((fx.Piece, 3));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, key, cart))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var orderIds = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()));
        Assert.Single(orderIds.Distinct());
        Assert.Equal(1, await fx.InTenantAsync(fx.ShopA.Id, db => db.Orders.CountAsync(o => o.IdempotencyKey == key)));
    }

    [Fact]
    public async Task A_retry_from_a_fresh_session_with_the_same_key_gets_the_same_order_and_may_read_it()
    {
        var key = Guid.NewGuid().ToString();
        var firstToken = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var first = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, firstToken, key, Cart((fx.Piece, 1))));
        var secondToken = await fx.SessionTokenAsync(fx.ShopA.ShopId); // e.g. after a 401 the mini-app opened a new session

        var second = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, secondToken, key, Cart((fx.Piece, 1))));

        var orderId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        Assert.Equal(orderId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetOrderAsync(orderId, secondToken)).StatusCode);
    }

    [Fact]
    public async Task The_same_key_with_a_different_cart_is_refused()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var key = Guid.NewGuid().ToString();
        await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, key, Cart((fx.Piece, 1))));

        var second = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, key, Cart((fx.Piece, 5))));

        await AssertProblemAsync(second, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_400()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);

        var response = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, null, Cart((fx.Piece, 1))));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "idempotency_key_required");
    }

    [Fact]
    public async Task A_token_issued_for_another_point_of_sale_is_forbidden()
    {
        var tokenOfB = await fx.SessionTokenAsync(fx.ShopB.ShopId);

        var response = await PlaceAsync(Cart((fx.Piece, 1)), token: tokenOfB, shopId: fx.ShopA.ShopId);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "token_wrong_shop");
    }

    [Fact]
    public async Task A_forged_or_missing_token_is_401()
    {
        var forged = await PlaceAsync(Cart((fx.Piece, 1)), token: "CfDJ8forged");
        var request = ApiFixture.OrderRequest(fx.ShopA.ShopId, "x", Guid.NewGuid().ToString(), Cart((fx.Piece, 1)));
        request.Headers.Authorization = null;
        var missing = await fx.Client().SendAsync(request);

        await AssertProblemAsync(forged, HttpStatusCode.Unauthorized, "session_expired");
        await AssertProblemAsync(missing, HttpStatusCode.Unauthorized, "session_expired");
    }

    [Theory]
    [InlineData("other-shop")]
    [InlineData("inactive")]
    [InlineData("unknown")]
    public async Task A_product_the_shop_does_not_sell_is_422_naming_the_line(string which)
    {
        var product = which switch { "other-shop" => fx.ShopB.ProductId, "inactive" => fx.Inactive, _ => Guid.NewGuid() };

        var response = await PlaceAsync(Cart((fx.Piece, 1), (product, 1)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("items[1].productId", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.0001)]
    [InlineData(1_000_000)]
    [InlineData(1.5)] // pieces are whole
    public async Task A_bad_quantity_is_422_naming_the_line(double quantity)
    {
        var response = await PlaceAsync(Cart((fx.Piece, (decimal)quantity)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("items[0].quantity", out _));
    }

    [Fact]
    public async Task The_result_view_says_what_the_shop_refunded_counting_only_refunds_invoicebox_created()
    {
        var placed = await PlaceAsync(Cart((fx.Piece, 2)));
        var orderId = Guid.Parse((await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!);
        var now = DateTimeOffset.UtcNow;
        await fx.Data.GetRequiredService<Platform.Data.Tenancy.TenantScopeFactory>().RunAsync(fx.ShopA.Id, async sp =>
        {
            var db = sp.GetRequiredService<Platform.Data.PlatformDbContext>();
            db.Refunds.AddRange(
                new Platform.Data.Orders.Refund { OrderId = orderId, MerchantRefundId = $"{orderId}-R1", Amount = new Kopecks(12_345), Status = Platform.Data.Orders.RefundStatus.Created, CreatedAt = now, UpdatedAt = now },
                new Platform.Data.Orders.Refund { OrderId = orderId, MerchantRefundId = $"{orderId}-R2", Amount = new Kopecks(99_999), Status = Platform.Data.Orders.RefundStatus.Unknown, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            return 0;
        });
        var token = fx.App.Services.GetRequiredService<Platform.Data.Buyers.BuyerTokens>().IssueResult(new(fx.ShopA.Id, orderId), now);

        var result = await fx.Client().GetFromJsonAsync<JsonElement>($"/m/{fx.ShopA.ShopId}/api/orders/{orderId}/result?t={Uri.EscapeDataString(token)}");

        Assert.Equal(123.45m, result.GetProperty("refunded").GetDecimal());
    }

    [Fact]
    public async Task An_order_over_the_largest_total_is_422_stating_the_limit()
    {
        var response = await PlaceAsync(Cart((fx.Coffee, 5_000m))); // 5 000 kg × 2 450,00 ₽ = 12 250 000,00 ₽

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        var message = problem.GetProperty("errors").GetProperty("items")[0].GetString()!;
        Assert.Contains("больше 10 000 000,00 ₽", message.Replace('\u00a0', ' ').Replace('\u202f', ' '));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.15)]
    public async Task A_weight_off_the_units_step_is_422_naming_the_line(double kilograms)
    {
        var response = await PlaceAsync(Cart((fx.Coffee, (decimal)kilograms)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Contains("0,1", problem.GetProperty("errors").GetProperty("items[0].quantity")[0].GetString());
    }

    [Fact]
    public async Task An_invalid_idempotency_key_is_told_apart_from_a_missing_one()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);

        var response = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, new string('k', 101), Cart((fx.Piece, 1))));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "idempotency_key_invalid");
    }

    [Fact]
    public async Task An_oversized_order_body_is_413()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var request = ApiFixture.OrderRequest(fx.ShopA.ShopId, token, Guid.NewGuid().ToString(), new { });
        request.Content = new StringContent("{\"items\":[],\"buyer\":{\"name\":\"" + new string('x', 100_000) + "\"}}", System.Text.Encoding.UTF8, "application/json");

        await AssertProblemAsync(await fx.Client().SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_malformed_wait_parameter_is_400_not_500()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);

        await AssertProblemAsync(await GetOrderAsync(Guid.NewGuid().ToString(), token, "?waitMs=abc"), HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("+7 900 123 45 678")] // one digit too many: never truncated into a valid number
    [InlineData("12345")]
    [InlineData("not a phone")]
    public async Task A_bad_phone_is_422_naming_the_field(string phone)
    {
        var body = new { items = new[] { new { productId = fx.Piece, quantity = 1 } }, buyer = new { name = "Иван", email = "ivan@example.com", phone } };

        var problem = await AssertProblemAsync(await PlaceAsync(body), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("buyer.phone", out _));
    }

    [Fact]
    public async Task A_bad_email_is_422_naming_the_field()
    {
        var body = new { items = new[] { new { productId = fx.Piece, quantity = 1 } }, buyer = new { name = "Иван", email = "Иван <ivan@example.com>", phone = "" } };

        var problem = await AssertProblemAsync(await PlaceAsync(body), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("buyer.email", out _));
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var request = ApiFixture.OrderRequest(fx.ShopA.ShopId, token, Guid.NewGuid().ToString(), new { });
        request.Content = new StringContent("{\"items\": [", System.Text.Encoding.UTF8, "application/json");

        await AssertProblemAsync(await fx.Client().SendAsync(request), HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task The_session_reads_its_order_back_and_another_session_cannot()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var placed = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, Guid.NewGuid().ToString(), Cart((fx.Coffee, 1.5m))));
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();

        var own = await GetOrderAsync(orderId!, token);
        var foreign = await GetOrderAsync(orderId!, await fx.SessionTokenAsync(fx.ShopA.ShopId));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var view = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3675.00m, view.GetProperty("amount").GetDecimal());
        Assert.Equal(1.5m, view.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task Long_poll_returns_at_once_when_the_status_already_differs_and_waits_when_it_does_not()
    {
        var token = await fx.SessionTokenAsync(fx.ShopA.ShopId);
        var placed = await fx.Client().SendAsync(ApiFixture.OrderRequest(fx.ShopA.ShopId, token, Guid.NewGuid().ToString(), Cart((fx.Piece, 1))));
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;

        var started = DateTime.UtcNow;
        var waited = await GetOrderAsync(orderId, token, "?waitMs=800&known=accepted");
        var elapsedWaiting = DateTime.UtcNow - started;
        started = DateTime.UtcNow;
        var immediate = await GetOrderAsync(orderId, token, "?waitMs=5000&known=awaiting_payment");
        var elapsedImmediate = DateTime.UtcNow - started;

        Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
        Assert.True(elapsedWaiting >= TimeSpan.FromMilliseconds(700), $"returned after {elapsedWaiting}");
        Assert.True(elapsedImmediate < TimeSpan.FromSeconds(4), $"returned after {elapsedImmediate}");
    }

    private Task<HttpResponseMessage> GetOrderAsync(string orderId, string token, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/m/{fx.ShopA.ShopId}/api/orders/{orderId}{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return fx.Client().SendAsync(request);
    }
}
