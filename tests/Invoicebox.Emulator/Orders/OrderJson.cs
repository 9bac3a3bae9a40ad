using System.Globalization;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Json;

namespace Invoicebox.Emulator.Orders;

/// <summary>
/// The wire form of an order, shared by API answers and notifications. Field order is that of the signed vector
/// (reference §10.4); fields that vector does not have follow <c>processable</c> in a fixed order
/// (merchantOrderIdVisible, notificationUrl, successUrl, failUrl, returnUrl, shopId, parentId, userAccountId,
/// metaData, invoiceSetting, orderSetting). Absent values are omitted, never written as null.
/// </summary>
public static class OrderJson
{
    public static JsonObject Order(OrderView order)
    {
        var c = order.Content;
        var json = new JsonObject
        {
            ["id"] = order.Id,
            ["description"] = c.Description,
            ["currencyId"] = c.CurrencyId,
            ["amount"] = PhpJson.Money(c.Amount),
            ["vatAmount"] = PhpJson.Money(c.VatAmount),
            ["basketItems"] = Lines(c.BasketItems),
            ["orderContainerId"] = order.ContainerId,
            ["merchantId"] = c.MerchantId,
            ["status"] = order.Status,
            ["subtype"] = "order",
            ["processingStatus"] = "",
            ["createdAt"] = Atom(order.CreatedAt),
        };
        if (order.PaidAt is { } paidAt)
            json["paidAt"] = Atom(paidAt);
        json["merchantOrderId"] = c.MerchantOrderId;
        json["expirationDate"] = Atom(c.ExpirationDate);
        json["fileIds"] = new JsonArray();
        json["paymentUrl"] = order.PaymentUrl;
        json["customer"] = c.Customer.DeepClone();
        if (c.LanguageId is not null)
            json["languageId"] = c.LanguageId;
        json["processable"] = c.Processable;
        foreach (var (key, value) in c.Extras)
            json[key] = value?.DeepClone();
        return json;
    }

    public static JsonObject Refund(RefundOrder refund) => new()
    {
        ["id"] = refund.Id,
        ["parentId"] = refund.ParentId,
        ["description"] = refund.Description,
        ["merchantOrderId"] = refund.MerchantOrderId,
        ["merchantId"] = refund.MerchantId,
        ["amount"] = PhpJson.Money(refund.Amount),
        ["vatAmount"] = PhpJson.Money(refund.VatAmount),
        ["currencyId"] = refund.CurrencyId,
        ["basketItems"] = Lines(refund.BasketItems),
        ["createdAt"] = Atom(refund.CreatedAt),
        ["status"] = refund.Status,
    };

    public static JsonArray Lines(IEnumerable<BasketLine> lines) => new([.. lines.Select(l => (JsonNode)l.Echo.DeepClone())]);

    /// <summary>ATOM in UTC, e.g. <c>2025-03-01T09:15:00+00:00</c>.</summary>
    public static string Atom(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
