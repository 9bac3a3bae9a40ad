using Platform.Domain.Baskets;
using Platform.Domain.Money;
using Platform.Invoicebox.Orders;

namespace Platform.Invoicebox.Refunds;

/// <summary>A line of a paid order that can still be refunded, with what is left of it.</summary>
public sealed record RefundableBasketItem : BasketItem
{
    public Kopecks? AvailableAmount { get; init; }
    public Kopecks? AvailableVatAmount { get; init; }
}

/// <summary>
/// <c>POST {prefix}/billing/api/order/refund-order</c>. <see cref="MerchantOrderId"/> must be unique per refund.
/// Build it with <see cref="FromBasket"/> from a basket of the refunded quantities.
/// </summary>
public sealed record CreateRefundRequest
{
    public const string DraftStatus = "draft";

    /// <summary>The paid order being refunded.</summary>
    public required string ParentId { get; init; }
    public required string MerchantOrderId { get; init; }
    public required string Description { get; init; }
    public required Kopecks Amount { get; init; }
    public required Kopecks VatAmount { get; init; }
    public required IReadOnlyList<BasketItem> BasketItems { get; init; }
    /// <summary>Null (= <c>created</c>) or <c>draft</c> for the correction flow.</summary>
    public string? Status { get; init; }

    public static CreateRefundRequest FromBasket(string parentId, string merchantOrderId, string description, Basket basket)
    {
        ArgumentNullException.ThrowIfNull(basket);
        return new CreateRefundRequest
        {
            ParentId = parentId,
            MerchantOrderId = merchantOrderId,
            Description = description,
            Amount = basket.Amount,
            VatAmount = basket.VatAmount,
            BasketItems = BasketItem.FromBasket(basket),
        };
    }
}

/// <summary>A refund order as Invoicebox returns it.</summary>
public sealed record RefundOrderResponse
{
    public string Id { get; init; } = "";
    public string? ParentId { get; init; }
    public string? Description { get; init; }
    public string? MerchantOrderId { get; init; }
    public string? MerchantId { get; init; }
    public Kopecks Amount { get; init; }
    public Kopecks VatAmount { get; init; }
    public string? CurrencyId { get; init; }
    public IReadOnlyList<BasketItem> BasketItems { get; init; } = [];
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary><c>draft</c>, <c>created</c>, <c>completed</c> or <c>canceled</c>.</summary>
    public string Status { get; init; } = "";
}
