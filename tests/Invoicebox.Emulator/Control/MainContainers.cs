using System.Text.Json.Nodes;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Control;

/// <summary>Opens an invoice the way a main order does, so a suborder mini-app has something real to join.</summary>
public sealed class MainContainers(MerchantRegistry merchants, OrderStore store, TimeProvider clock)
{
    /// <param name="overrides">Create-order fields replacing those of <see cref="MainOrderTemplate"/>; <c>merchantId</c> picks the merchant (default: role <c>main</c>).</param>
    public OrderView Open(string origin, JsonObject? overrides = null)
    {
        var merchantId = overrides?["merchantId"] is JsonValue v && v.TryGetValue(out string? id) ? id : null;
        var merchant = (merchantId is null ? merchants.Main : merchants.ById(merchantId))
            ?? throw ApiException.NotFound(merchantId is null ? "No merchant has role \"main\"" : "Merchant not found");
        var now = clock.GetUtcNow();
        var content = OrderRequestReader.ReadCreate(MainOrderTemplate.Build(merchant, now, overrides), now);
        return store.Create(merchant, content, origin);
    }
}
