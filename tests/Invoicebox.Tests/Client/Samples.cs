using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Invoicebox.Orders;

namespace Invoicebox.Tests.Client;

/// <summary>The reference's worked example (§10.1/§10.2) as request, basket and response.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Expiration = new(2025, 3, 2, 9, 15, 0, TimeSpan.Zero);

    public static Basket Basket() => BasketCalculator.Calculate([
        new BasketLineInput("Airport rail ticket, standard", "TARIFF-STD", Kopecks.FromRoubles(600.00m), VatCode.RUS_VAT20, 2m,
            "шт", "796", ItemType.Service, PaymentType.FullPrepayment),
        new BasketLineInput("Service fee", "FEE-1", Kopecks.FromRoubles(150.00m), VatCode.VATNONE, 1m,
            "шт", "796", ItemType.Service, PaymentType.FullPrepayment),
    ]);

    public static CreateOrderRequest CreateRequest(string merchantOrderId = "SHOP-10001") =>
        CreateOrderRequest.FromBasket(Basket(), merchantOrderId, "Airport rail ticket", Expiration,
            new Customer { Type = Customer.PrivateType, Name = "Ivan Testov", Phone = "79990000001", Email = "ivan.testov@example.com" })
        with
        {
            LanguageId = "ru",
            NotificationUrl = "https://shop.example.com/invoicebox/notify",
            SuccessUrl = "https://shop.example.com/pay/ok?order=SHOP-10001",
            FailUrl = "https://shop.example.com/pay/fail?order=SHOP-10001",
            ReturnUrl = "https://shop.example.com/orders/SHOP-10001",
        };

    public const string OrderJson = """
        {
          "id": "019550fc-ced4-4b7d-8e21-7a9d2c4f0a01",
          "orderContainerId": "019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01",
          "merchantId": "11111111-2222-4333-8444-555555555555",
          "merchantOrderId": "SHOP-10001",
          "description": "Airport rail ticket",
          "currencyId": "RUB",
          "amount": 1350.00,
          "vatAmount": 200.00,
          "basketItems": [
            {"sku": "TARIFF-STD", "name": "Airport rail ticket, standard", "measure": "шт", "measureCode": "796",
             "quantity": 2, "amount": 600.00, "amountWoVat": 500.00, "totalAmount": 1200.00, "totalVatAmount": 200.00,
             "vatCode": "RUS_VAT20", "type": "service", "paymentType": "full_prepayment", "serviceDate": "2025-03-05"},
            {"sku": "FEE-1", "name": "Service fee", "measure": "шт", "measureCode": "796",
             "quantity": 1, "amount": 150.00, "amountWoVat": 150.00, "totalAmount": 150.00, "totalVatAmount": 0,
             "vatCode": "VATNONE", "type": "service", "paymentType": "full_prepayment"}
          ],
          "status": "created",
          "subtype": "order",
          "processingStatus": "",
          "createdAt": "2025-03-01T09:15:00+00:00",
          "expirationDate": "2025-03-02T09:15:00+00:00",
          "fileIds": [],
          "notificationUrl": "https://shop.example.com/invoicebox/notify",
          "successUrl": "https://shop.example.com/pay/ok?order=SHOP-10001",
          "failUrl": "https://shop.example.com/pay/fail?order=SHOP-10001",
          "returnUrl": "https://shop.example.com/orders/SHOP-10001",
          "paymentUrl": "https://pay.invoicebox.ru/order/019550fc-ce98-4a1c-9b2e-5f0c3d7e0c01",
          "customer": {"type": "private", "name": "Ivan Testov", "phone": "79990000001", "email": "ivan.testov@example.com"},
          "languageId": "ru",
          "processable": true
        }
        """;

    public static string Order(string id, string merchantOrderId, string createdAt) => $$"""
        {"id":"{{id}}","merchantOrderId":"{{merchantOrderId}}","status":"created","amount":10.00,"vatAmount":0,"createdAt":"{{createdAt}}","basketItems":[]}
        """;
}
