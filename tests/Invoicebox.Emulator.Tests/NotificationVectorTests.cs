using System.Text;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Json;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Notifications;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Tests;

/// <summary>The signed notification of reference §10.4, rebuilt in the emulator's own model, must come out byte for byte.</summary>
public sealed class NotificationVectorTests
{
    private const string Vector = """
        {"id":"019550fc-ced4-4b7d-8e21-7a9d2c4f0a01","description":"Airport rail ticket","currencyId":"RUB","amount":1350.00,"vatAmount":200.00,"basketItems":[{"sku":"TARIFF-STD","name":"Airport rail ticket, standard","measure":"шт","measureCode":"796","quantity":2,"amount":600.00,"amountWoVat":500.00,"totalAmount":1200.00,"totalVatAmount":200.00,"vatCode":"RUS_VAT20","type":"service","paymentType":"full_prepayment"},{"sku":"FEE-1","name":"Service fee","measure":"шт","measureCode":"796","quantity":1,"amount":150.00,"amountWoVat":150.00,"totalAmount":150.00,"totalVatAmount":0,"vatCode":"VATNONE","type":"service","paymentType":"full_prepayment"}],"orderContainerId":"019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01","merchantId":"11111111-2222-4333-8444-555555555555","status":"completed","subtype":"order","processingStatus":"","createdAt":"2025-03-01T09:15:00+00:00","paidAt":"2025-03-01T09:20:41+00:00","merchantOrderId":"SHOP-10001","expirationDate":"2025-03-02T09:15:00+00:00","fileIds":[],"paymentUrl":"https:\/\/pay.invoicebox.ru\/order\/019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01","customer":{"type":"private","name":"Ivan Testov","phone":"79990000001","email":"ivan.testov@example.com"},"languageId":"ru","processable":true}
        """;

    private const string VectorSignature = "056ae0e2acc7ea17bc572dba03cbb72e8cb56b01";

    [Fact]
    public void Reference_order_notification_is_byte_identical_to_the_signed_vector()
    {
        var createdAt = DateTimeOffset.Parse("2025-03-01T09:15:00+00:00");
        var content = OrderRequestReader.ReadCreate(ReferenceRequest(), now: createdAt);
        var order = new OrderView(
            Id: "019550fc-ced4-4b7d-8e21-7a9d2c4f0a01",
            ContainerId: "019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01",
            PaymentUrl: "https://pay.invoicebox.ru/order/019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01",
            CreatedAt: createdAt,
            Content: content,
            Status: OrderStatus.Completed,
            PaidAt: DateTimeOffset.Parse("2025-03-01T09:20:41+00:00"));
        var merchant = new Merchant("11111111-2222-4333-8444-555555555555", "token", "test-notification-key", "Shop", null, "user", "https://shop.example.com/invoicebox/notify");

        var record = new NotificationOutbox(TimeProvider.System).EnqueueOrder(merchant, order);

        Assert.Equal(1218, Encoding.UTF8.GetByteCount(Vector));
        Assert.Equal(Vector, record.Body);
        Assert.Equal(Encoding.UTF8.GetBytes(Vector), record.BodyBytes);
        Assert.Equal(VectorSignature, record.Signature);
        Assert.Equal("https://shop.example.com/invoicebox/notify", record.Url);
    }

    [Fact]
    public void Signature_is_lowercase_hex_hmac_sha1_of_the_raw_bytes()
    {
        Assert.Equal(VectorSignature, NotificationSignature.Compute("test-notification-key", Encoding.UTF8.GetBytes(Vector)));
    }

    [Fact]
    public void Php_style_json_escapes_slashes_and_control_characters_but_keeps_cyrillic_raw()
    {
        var json = PhpJson.Serialize(new JsonObject { ["a"] = "Кофе/чай \"x\"\n\u0001\u2028", ["n"] = PhpJson.Money(Kopecks.Zero), ["m"] = PhpJson.Money(new Kopecks(5)) });

        Assert.Equal("{\"a\":\"Кофе\\/чай \\\"x\\\"\\n\\u0001\\u2028\",\"n\":0,\"m\":0.05}", json);
    }

    /// <summary>Example §10.1 as the vector carries it: no URLs and no serviceDate.</summary>
    private static JsonObject ReferenceRequest() => (JsonObject)JsonNode.Parse("""
        {
          "merchantId": "11111111-2222-4333-8444-555555555555",
          "merchantOrderId": "SHOP-10001",
          "description": "Airport rail ticket",
          "amount": 1350.00,
          "vatAmount": 200.00,
          "currencyId": "RUB",
          "languageId": "ru",
          "expirationDate": "2025-03-02T09:15:00+00:00",
          "customer": {"type": "private", "name": "Ivan Testov", "phone": "79990000001", "email": "ivan.testov@example.com"},
          "basketItems": [
            {"sku": "TARIFF-STD", "name": "Airport rail ticket, standard", "measure": "шт", "measureCode": "796",
             "quantity": 2, "amount": 600.00, "amountWoVat": 500.00, "totalAmount": 1200.00, "totalVatAmount": 200.00,
             "vatCode": "RUS_VAT20", "type": "service", "paymentType": "full_prepayment"},
            {"sku": "FEE-1", "name": "Service fee", "measure": "шт", "measureCode": "796",
             "quantity": 1, "amount": 150.00, "amountWoVat": 150.00, "totalAmount": 150.00, "totalVatAmount": 0,
             "vatCode": "VATNONE", "type": "service", "paymentType": "full_prepayment"}
          ]
        }
        """)!;
}
