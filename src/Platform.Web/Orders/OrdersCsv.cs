using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Web.Localization;

namespace Platform.Web.Orders;

/// <summary>The filtered order list as CSV for Excel (UTF-8 with BOM, <c>;</c>, decimal commas, local times).</summary>
public sealed class OrdersCsv(PlatformDbContext db, PortalClock clock)
{
    public const int MaxRows = 100_000;

    public async Task WriteAsync(IQueryable<Order> orders, Stream output, CancellationToken ct)
    {
        var refunded = await db.Refunds.Where(r => orders.Any(o => o.Id == r.OrderId)).ByOrderAsync(ct);
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var writer = CsvWriter.Create(output, options, leaveOpen: true);
        writer.WriteHeader(["number", "created_at", "status", "amount", "vat_amount", "buyer_name", "buyer_email", "buyer_phone",
            "point_of_sale", "invoicebox_order_id", "paid_at", "failure_reason", "refunded_amount"]);
        var russian = UiText.Russian;
        await foreach (var o in orders.OrderByDescending(o => o.CreatedAt).Take(MaxRows).AsAsyncEnumerable().WithCancellation(ct))
        {
            writer.WriteRecord([
                o.MerchantOrderId, clock.Format(o.CreatedAt), o.Status.ToWireName(), o.Amount.ToRoubles().ToString("0.00", russian),
                o.VatAmount.ToRoubles().ToString("0.00", russian), o.BuyerName, o.BuyerEmail ?? "", o.BuyerPhone ?? "",
                o.ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture), o.InvoiceboxOrderId ?? "",
                o.PaidAt is { } paid ? clock.Format(paid) : "", o.FailureReason ?? "",
                refunded.GetValueOrDefault(o.Id, Kopecks.Zero).ToRoubles().ToString("0.00", russian),
            ]);
        }
        await writer.FlushAsync(ct);
    }
}
