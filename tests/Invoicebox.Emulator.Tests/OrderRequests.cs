using System.Globalization;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

/// <summary>Create-order bodies: the worked example of reference §10.1, for any merchant, expiring tomorrow.</summary>
public static class OrderRequests
{
    public static JsonObject WorkedExample(string merchantId = TestMerchants.ZernoId, string? merchantOrderId = null, string? notificationUrl = null)
    {
        var order = (JsonObject)JsonNode.Parse("""
            {
              "merchantId": "",
              "merchantOrderId": "",
              "description": "Airport rail ticket",
              "amount": 1350.00,
              "vatAmount": 200.00,
              "currencyId": "RUB",
              "languageId": "ru",
              "expirationDate": "",
              "successUrl": "https://shop.example.com/pay/ok?order=SHOP-10001",
              "failUrl": "https://shop.example.com/pay/fail?order=SHOP-10001",
              "returnUrl": "https://shop.example.com/orders/SHOP-10001",
              "customer": {"type": "private", "name": "Ivan Testov", "phone": "79990000001", "email": "ivan.testov@example.com"},
              "basketItems": [
                {"sku": "TARIFF-STD", "name": "Airport rail ticket, standard", "measure": "шт", "measureCode": "796",
                 "quantity": 2, "amount": 600.00, "amountWoVat": 500.00, "totalAmount": 1200.00, "totalVatAmount": 200.00,
                 "vatCode": "RUS_VAT20", "type": "service", "paymentType": "full_prepayment", "serviceDate": "2025-03-05"},
                {"sku": "FEE-1", "name": "Service fee", "measure": "шт", "measureCode": "796",
                 "quantity": 1, "amount": 150.00, "amountWoVat": 150.00, "totalAmount": 150.00, "totalVatAmount": 0,
                 "vatCode": "VATNONE", "type": "service", "paymentType": "full_prepayment"}
              ]
            }
            """)!;
        order["merchantId"] = merchantId;
        order["merchantOrderId"] = merchantOrderId ?? "SHOP-" + Guid.NewGuid().ToString("N")[..8];
        order["expirationDate"] = Atom(DateTimeOffset.UtcNow.AddDays(1));
        if (notificationUrl is not null)
            order["notificationUrl"] = notificationUrl;
        return order;
    }

    /// <summary>A one-line order: price × quantity at a VAT code, with every sum computed by the rules.</summary>
    public static JsonObject OneLine(string merchantId, string totalAmount, string quantity, string amount, string amountWoVat, string totalVat, string vatCode)
    {
        var order = WorkedExample(merchantId);
        order["amount"] = JsonNode.Parse(totalAmount);
        order["vatAmount"] = JsonNode.Parse(totalVat);
        order["basketItems"] = new JsonArray(new JsonObject
        {
            ["sku"] = "X-1",
            ["name"] = "Позиция",
            ["measure"] = "шт",
            ["measureCode"] = "796",
            ["quantity"] = JsonNode.Parse(quantity),
            ["amount"] = JsonNode.Parse(amount),
            ["amountWoVat"] = JsonNode.Parse(amountWoVat),
            ["totalAmount"] = JsonNode.Parse(totalAmount),
            ["totalVatAmount"] = JsonNode.Parse(totalVat),
            ["vatCode"] = vatCode,
            ["type"] = "commodity",
            ["paymentType"] = "full_payment",
        });
        return order;
    }

    public static string Atom(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
