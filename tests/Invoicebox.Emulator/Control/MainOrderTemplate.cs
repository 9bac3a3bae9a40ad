using System.Globalization;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Merchants;

namespace Invoicebox.Emulator.Control;

/// <summary>
/// The main order that opens an invoice for suborder mode (an airport transfer with a flight in its JSON-LD metaData,
/// so add-ons that look for an airport find one). Fields in the request body of <c>POST /_emulator/containers</c> replace these.
/// </summary>
public static class MainOrderTemplate
{
    public static JsonObject Build(Merchant merchant, DateTimeOffset now, JsonObject? overrides)
    {
        var order = new JsonObject
        {
            ["merchantId"] = merchant.MerchantId,
            ["merchantOrderId"] = "MAIN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            ["description"] = "Трансфер в аэропорт Шереметьево",
            ["amount"] = 2650.00m,
            ["vatAmount"] = 25.00m,
            ["currencyId"] = "RUB",
            ["languageId"] = "ru",
            ["expirationDate"] = now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            ["customer"] = new JsonObject
            {
                ["type"] = "private",
                ["name"] = "Иван Петров",
                ["phone"] = "79990000001",
                ["email"] = "ivan.petrov@example.com",
            },
            ["basketItems"] = new JsonArray(
                Line("TRF-SVO", "Трансфер Москва — Шереметьево, комфорт", 2500.00m, 2500.00m, 0m, "VATNONE"),
                Line("FEE", "Сервисный сбор", 150.00m, 125.00m, 25.00m, "RUS_VAT20")),
            ["metaData"] = new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "ReservationPackage",
                ["subReservation"] = new JsonArray(new JsonObject
                {
                    ["@type"] = "FlightReservation",
                    ["reservationFor"] = new JsonObject
                    {
                        ["@type"] = "Flight",
                        ["flightNumber"] = "SU1402",
                        ["departureAirport"] = new JsonObject { ["@type"] = "Airport", ["iataCode"] = "SVO", ["name"] = "Шереметьево" },
                        ["arrivalAirport"] = new JsonObject { ["@type"] = "Airport", ["iataCode"] = "AER", ["name"] = "Сочи" },
                        ["departureTime"] = now.AddDays(2).ToString("yyyy-MM-dd'T'10:00:00'+03:00'", CultureInfo.InvariantCulture),
                    },
                }),
            },
        };
        if (merchant.NotificationUrl is not null)
            order["notificationUrl"] = merchant.NotificationUrl;
        foreach (var (key, value) in overrides ?? [])
            order[key] = value?.DeepClone();
        return order;
    }

    private static JsonObject Line(string sku, string name, decimal price, decimal priceWoVat, decimal vat, string vatCode) => new()
    {
        ["sku"] = sku,
        ["name"] = name,
        ["measure"] = "шт",
        ["measureCode"] = "796",
        ["quantity"] = 1,
        ["amount"] = price,
        ["amountWoVat"] = priceWoVat,
        ["totalAmount"] = price,
        ["totalVatAmount"] = vat,
        ["vatCode"] = vatCode,
        ["type"] = "service",
        ["paymentType"] = "full_prepayment",
    };
}
