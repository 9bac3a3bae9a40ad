using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Control;

/// <summary>Plain JSON shapes of the control API (camelCase, amounts as rubles).</summary>
public sealed record OrderSummary(
    string Id,
    string MerchantId,
    string? MerchantName,
    string MerchantOrderId,
    string OrderContainerId,
    string Status,
    decimal Amount,
    decimal VatAmount,
    string CurrencyId,
    string Description,
    string? NotificationUrl,
    string? SuccessUrl,
    string? FailUrl,
    string PaymentUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset ExpirationDate,
    IReadOnlyList<LineSummary> Lines)
{
    public static OrderSummary From(OrderView o, MerchantRegistry merchants) => new(
        o.Id, o.MerchantId, merchants.ById(o.MerchantId)?.Name, o.Content.MerchantOrderId, o.ContainerId, o.Status,
        o.Content.Amount.ToRubles(), o.Content.VatAmount.ToRubles(), o.Content.CurrencyId, o.Content.Description,
        o.Content.NotificationUrl, o.Content.SuccessUrl, o.Content.FailUrl, o.PaymentUrl, o.CreatedAt, o.PaidAt, o.Content.ExpirationDate,
        [.. o.Content.BasketItems.Select(l => new LineSummary(l.Sku, l.Name, l.Quantity, l.Amount.ToRubles(), l.TotalAmount.ToRubles(), l.TotalVatAmount.ToRubles(), l.VatCode))]);
}

public sealed record LineSummary(string Sku, string Name, decimal Quantity, decimal Amount, decimal TotalAmount, decimal TotalVatAmount, string VatCode);

public sealed record ContainerSummary(
    string Id,
    string State,
    string PaymentUrl,
    DateTimeOffset CreatedAt,
    decimal PayableTotal,
    IReadOnlyList<OrderSummary> Orders)
{
    public static ContainerSummary From(ContainerView c, MerchantRegistry merchants) => new(
        c.Id, c.State.ToString().ToLowerInvariant(), c.PaymentUrl, c.CreatedAt, c.PayableTotal.ToRubles(),
        [.. c.Orders.Select(o => OrderSummary.From(o, merchants))]);
}

public sealed record MerchantRequest(string? MerchantId, string? Token, string? NotificationKey, string? Name, string? Role, string? NotificationUrl, string? UserId);

public sealed record PingRequest(string? Url);
