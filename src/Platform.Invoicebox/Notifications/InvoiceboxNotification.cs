using System.Text.Json;
using Platform.Invoicebox.Orders;
using Platform.Invoicebox.Wire;

namespace Platform.Invoicebox.Notifications;

/// <summary>
/// Reading a payment notification body: the order itself, not wrapped in <c>data</c>. Verify the signature over the
/// raw bytes first (<c>Platform.Domain.Payments.NotificationSignature</c>), then parse those same bytes.
/// </summary>
public static class InvoiceboxNotification
{
    /// <summary>The order id of Invoicebox's monitoring pings, which come with an empty <c>merchantOrderId</c>.</summary>
    public const string HealthCheckOrderId = "ffffffff-ffff-ffff-ffff-ffffffffffff";

    /// <summary>The order in the body, or null when the body is not an Invoicebox order.</summary>
    public static OrderResponse? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            var order = JsonSerializer.Deserialize<OrderResponse>(body, InvoiceboxJson.Options);
            return order is { Id.Length: > 0 } ? order : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsHealthCheck(OrderResponse order) =>
        string.Equals(order.Id, HealthCheckOrderId, StringComparison.OrdinalIgnoreCase);
}
