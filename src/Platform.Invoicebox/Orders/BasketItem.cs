using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Invoicebox.Wire;

namespace Platform.Invoicebox.Orders;

/// <summary>
/// A basket item on the wire (reference §2.3). Build it from a calculated <see cref="BasketLine"/> with
/// <see cref="FromLine"/>: its four amounts come from <see cref="BasketCalculator"/> and must not be computed by hand.
/// Enum-like fields are text so an order created elsewhere (legacy VAT codes, numeric <c>type</c>) still reads.
/// </summary>
public record BasketItem
{
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public string? GroupName { get; init; }
    /// <summary>Unit name by ОКЕИ, e.g. <c>шт</c>.</summary>
    public string Measure { get; init; } = "";
    /// <summary>ОКЕИ code, e.g. <c>796</c>.</summary>
    public string MeasureCode { get; init; } = "";
    public string? OriginCountry { get; init; }
    public string? OriginCountryCode { get; init; }
    public decimal? GrossWeight { get; init; }
    public decimal? NetWeight { get; init; }
    public decimal Quantity { get; init; }
    /// <summary>Unit price incl. VAT.</summary>
    public Kopecks Amount { get; init; }
    /// <summary>Unit price excl. VAT.</summary>
    public Kopecks AmountWoVat { get; init; }
    public Kopecks TotalAmount { get; init; }
    public Kopecks TotalVatAmount { get; init; }
    public Kopecks? Excise { get; init; }
    /// <summary>API name of a <see cref="Domain.Money.VatCode"/>, e.g. <c>RUS_VAT20</c>.</summary>
    public string VatCode { get; init; } = "";
    /// <summary><c>commodity</c>, <c>service</c>, or a numeric tag-1212 value.</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string Type { get; init; } = "";
    public DateOnly? ServiceDate { get; init; }
    /// <summary><c>full_prepayment</c>, <c>prepayment</c>, <c>advance</c> or <c>full_payment</c>.</summary>
    public string PaymentType { get; init; } = "";
    public string? CategoryType { get; init; }
    public string? Category { get; init; }
    public JsonElement? MetaData { get; init; }

    public static BasketItem FromLine(BasketLine line, DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new BasketItem
        {
            Sku = line.Sku,
            Name = line.Name,
            Measure = line.MeasureName,
            MeasureCode = line.MeasureCode,
            Quantity = line.Quantity,
            Amount = line.UnitGross,
            AmountWoVat = line.UnitWoVat,
            TotalAmount = line.Total,
            TotalVatAmount = line.Vat,
            VatCode = line.VatCode.Describe().ApiName,
            Type = line.ItemType.ToApiName(),
            PaymentType = line.PaymentType.ToApiName(),
            ServiceDate = serviceDate,
        };
    }

    /// <summary>Every line of a calculated basket, in order.</summary>
    public static IReadOnlyList<BasketItem> FromBasket(Basket basket, DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(basket);
        return basket.Lines.Select(line => FromLine(line, serviceDate)).ToArray();
    }
}
