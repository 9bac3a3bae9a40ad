using System.Text.Json;
using Platform.Domain.Baskets;
using Platform.Domain.Money;

namespace Platform.Invoicebox.Orders;

/// <summary>
/// <c>POST {prefix}/billing/api/order/order</c> (reference §2.1). Build it with <see cref="FromBasket"/> so the amounts
/// are the basket's sums; set <see cref="OrderContainerId"/> to add a suborder to an existing invoice.
/// <see cref="MerchantId"/> may stay null: the client fills in its credentials' merchant.
/// </summary>
public sealed record CreateOrderRequest
{
    public const string Roubles = "RUB";

    public string? MerchantId { get; init; }
    public required string MerchantOrderId { get; init; }
    public string? MerchantOrderIdVisible { get; init; }
    public required string Description { get; init; }
    public required Kopecks Amount { get; init; }
    public required Kopecks VatAmount { get; init; }
    public string CurrencyId { get; init; } = Roubles;
    /// <summary><c>ru</c> or <c>en</c>.</summary>
    public string? LanguageId { get; init; }
    /// <summary>Must be in the future when Invoicebox receives it.</summary>
    public required DateTimeOffset ExpirationDate { get; init; }
    public required IReadOnlyList<BasketItem> BasketItems { get; init; }
    public Customer Customer { get; init; } = new();
    public JsonElement? MetaData { get; init; }
    public string? NotificationUrl { get; init; }
    public string? SuccessUrl { get; init; }
    public string? FailUrl { get; init; }
    public string? ReturnUrl { get; init; }
    public InvoiceSetting? InvoiceSetting { get; init; }
    public OrderSetting? OrderSetting { get; init; }
    /// <summary>Only for correction orders (the draft refund they adjust); not for suborders.</summary>
    public string? ParentId { get; init; }
    /// <summary>The invoice (счёт) to join; null creates a new one.</summary>
    public string? OrderContainerId { get; init; }
    /// <summary>Point of sale (торговая точка), an integer.</summary>
    public int? ShopId { get; init; }
    public string? UserAccountId { get; init; }
    public bool? Processable { get; init; }

    /// <summary>An order whose amounts and items are exactly those of a calculated basket.</summary>
    public static CreateOrderRequest FromBasket(
        Basket basket,
        string merchantOrderId,
        string description,
        DateTimeOffset expirationDate,
        Customer customer,
        DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(basket);
        return new CreateOrderRequest
        {
            MerchantOrderId = merchantOrderId,
            Description = description,
            Amount = basket.Amount,
            VatAmount = basket.VatAmount,
            ExpirationDate = expirationDate,
            BasketItems = BasketItem.FromBasket(basket, serviceDate),
            Customer = customer,
        };
    }
}
