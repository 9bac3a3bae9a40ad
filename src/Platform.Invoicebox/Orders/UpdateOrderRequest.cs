using System.Text.Json;
using Platform.Domain.Baskets;
using Platform.Domain.Money;

namespace Platform.Invoicebox.Orders;

/// <summary>
/// <c>PUT {prefix}/billing/api/order/order/{id}</c>, allowed only while the order is <c>created</c>. Every field is
/// optional; change the basket with <see cref="WithBasket"/> so amounts and items change together.
/// </summary>
public sealed record UpdateOrderRequest
{
    public string? Description { get; init; }
    public Kopecks? Amount { get; init; }
    public Kopecks? VatAmount { get; init; }
    public DateTimeOffset? ExpirationDate { get; init; }
    public IReadOnlyList<BasketItem>? BasketItems { get; init; }
    public JsonElement? MetaData { get; init; }
    public Customer? Customer { get; init; }
    public int? ShopId { get; init; }

    public UpdateOrderRequest WithBasket(Basket basket, DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(basket);
        return this with { Amount = basket.Amount, VatAmount = basket.VatAmount, BasketItems = BasketItem.FromBasket(basket, serviceDate) };
    }
}
