using System.Text.Json;
using Platform.Domain.Money;

namespace Platform.Invoicebox.Orders;

/// <summary>
/// An Invoicebox order as create, get, list, update, cancel and payment notifications return it (reference §2.6).
/// Fields Invoicebox left out are null (or zero for amounts).
/// </summary>
public sealed record OrderResponse
{
    public string Id { get; init; } = "";
    /// <summary>The invoice (счёт) the order belongs to; <see cref="PaymentUrl"/> points at it.</summary>
    public string? OrderContainerId { get; init; }
    public string? ParentId { get; init; }
    public string? PaymentUrl { get; init; }
    /// <summary>See <see cref="InvoiceboxOrderStatus"/>.</summary>
    public string Status { get; init; } = "";
    public string? Subtype { get; init; }
    public string? ProcessingStatus { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset? ExpirationDate { get; init; }
    public string? MerchantId { get; init; }
    public string? MerchantOrderId { get; init; }
    public string? MerchantOrderIdVisible { get; init; }
    public string? Description { get; init; }
    public Kopecks Amount { get; init; }
    public Kopecks VatAmount { get; init; }
    public string? CurrencyId { get; init; }
    public string? LanguageId { get; init; }
    public IReadOnlyList<BasketItem> BasketItems { get; init; } = [];
    public Customer? Customer { get; init; }
    public JsonElement? MetaData { get; init; }
    public JsonElement? FileIds { get; init; }
    public InvoiceSetting? InvoiceSetting { get; init; }
    public string? NotificationUrl { get; init; }
    public string? SuccessUrl { get; init; }
    public string? FailUrl { get; init; }
    public string? ReturnUrl { get; init; }
    public int? ShopId { get; init; }
    public bool? Processable { get; init; }

    /// <summary>Paid means <c>completed</c>, nothing else.</summary>
    public bool IsPaid => Status == InvoiceboxOrderStatus.Completed;
}

/// <summary>Order statuses as Invoicebox spells them (reference §3.8).</summary>
public static class InvoiceboxOrderStatus
{
    public const string Created = "created";
    public const string Completed = "completed";
    public const string Expired = "expired";
    /// <summary>One "l".</summary>
    public const string Canceled = "canceled";
    public const string Hold = "hold";
    public const string Draft = "draft";
}
