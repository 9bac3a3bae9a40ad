using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Data.Payments;
using Platform.Data.Secrets;
using Platform.Data.Tenancy;
using Platform.Domain.Orders;
using Platform.Domain.Payments;
using Platform.Invoicebox.Notifications;
using Platform.Invoicebox.Orders;

namespace Platform.Api.Payments;

/// <summary>
/// <c>POST /hooks/invoicebox/{webhookKey}</c>: Invoicebox payment notifications. The signature is checked over the raw
/// bytes with the tenant's notification key before anything is parsed; every notification is journaled; the answer is
/// always HTTP 200 with Invoicebox's JSON. Transitions are compare-and-set, so a repeat is acknowledged and changes nothing.
/// </summary>
public static class NotificationsApi
{
    private const int MaxBodyBytes = 1 << 20;

    public static WebApplication MapInvoiceboxNotifications(this WebApplication app)
    {
        app.MapPost("/hooks/invoicebox/{webhookKey}", HandleAsync)
            .WithName("InvoiceboxNotification")
            .WithTags("Invoicebox")
            .WithSummary("Invoicebox payment notification (X-Signature = hex HMAC-SHA1 of the raw body with the shop's notification key).")
            .Produces<NotificationReply>();
        return app;
    }

    private static async Task<IResult> HandleAsync(string webhookKey, HttpContext http, TenantStore store, TenantContext tenantContext,
        PlatformDbContext db, CredentialProtector protector, OrderStateStore states, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger("Platform.Api.Payments.Notifications");
        var body = await ReadBodyAsync(http.Request, ct);
        var tenant = body is null ? null : await store.FindByWebhookKeyAsync(webhookKey, ct);
        if (tenant is null)
        {
            // No tenant, no key to verify with, nobody to journal it for: refuse without saying why.
            log.LogWarning("Notification for an unknown webhook key or with an oversized body");
            return Reply(NotificationReply.Error(NotificationReplyCodes.SignatureError));
        }
        tenantContext.Use(tenant.Id);

        var journal = new PaymentNotification { ReceivedAt = time.GetUtcNow(), Outcome = "", BodyHash = Convert.ToHexStringLower(SHA256.HashData(body!)) };
        var reply = await DecideAsync(body!, http.Request.Headers[NotificationSignature.HeaderName].ToString(), journal, db, protector, states, log, ct);
        journal.Outcome = reply.Code ?? reply.Status;
        db.PaymentNotifications.Add(journal);
        await db.SaveChangesAsync(CancellationToken.None);
        log.LogInformation("Notification for tenant {TenantId}, Invoicebox order {InvoiceboxOrderId}, status {Status}: {Outcome}",
            tenant.Id, journal.InvoiceboxOrderId, journal.Status, journal.Outcome);
        return Reply(reply);
    }

    private static async Task<NotificationReply> DecideAsync(byte[] body, string? signature, PaymentNotification journal,
        PlatformDbContext db, CredentialProtector protector, OrderStateStore states, ILogger log, CancellationToken ct)
    {
        var settings = await db.InvoiceboxSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var key = settings is { ProtectedNotificationKey.Length: > 0 } ? protector.Unprotect(settings.ProtectedNotificationKey) : null;
        journal.SignatureValid = NotificationSignature.Verify(body, key, signature);
        if (!journal.SignatureValid)
            return NotificationReply.Error(NotificationReplyCodes.SignatureError);

        var notification = InvoiceboxNotification.TryParse(body);
        if (notification is null)
            return NotificationReply.Error(NotificationReplyCodes.OrderNotFound, "Not an order notification.");
        journal.InvoiceboxOrderId = Truncate(notification.Id, 36);
        journal.MerchantOrderId = Truncate(notification.MerchantOrderId, 256);
        journal.Status = Truncate(notification.Status, 50);
        journal.AmountKopecks = notification.Amount.Value;

        if (notification.MerchantId is { } merchant && settings is not null && !string.Equals(merchant, settings.MerchantId, StringComparison.OrdinalIgnoreCase))
            return NotificationReply.Error(NotificationReplyCodes.OrderNotFound, "Another merchant's order.");
        // Invoicebox's monitoring ping: the all-f order id and an empty merchantOrderId; verified above, nothing to apply.
        if (InvoiceboxNotification.IsHealthCheck(notification) && string.IsNullOrEmpty(notification.MerchantOrderId))
            return NotificationReply.Success;

        var order = await FindOrderAsync(db, notification, ct);
        if (order is null)
            return NotificationReply.Error(NotificationReplyCodes.OrderNotFound);
        journal.OrderId = order.Id;
        if (order.InvoiceboxOrderId is { } known && !string.Equals(known, notification.Id, StringComparison.OrdinalIgnoreCase))
        {
            // Our number, but not the Invoicebox order we created for it: never apply it, and tell the merchant.
            await states.NoteAsync(order.Id, OrderEventSource.Notification,
                $"Уведомление об Инвойсбокс-заказе {notification.Id} со статусом «{notification.Status}» не применено: заказ связан с {known}.", ct);
            return NotificationReply.Error(NotificationReplyCodes.OrderNotFound, "Another Invoicebox order carries this merchantOrderId.");
        }

        var target = OrderTransitions.FromInvoicebox(notification.Status);
        if (target == OrderStatus.Paid)
        {
            if (notification.Amount != order.Amount || !string.Equals(notification.CurrencyId ?? "RUB", order.Currency, StringComparison.OrdinalIgnoreCase))
            {
                await states.NoteAsync(order.Id, OrderEventSource.Notification,
                    $"Уведомление об оплате на {notification.Amount} {notification.CurrencyId} отклонено: сумма заказа {order.Amount} {order.Currency}.", ct);
                return NotificationReply.Error(NotificationReplyCodes.OrderWrongAmount, $"expected {order.Amount} {order.Currency}");
            }
            if (order.Status == OrderStatus.Paid)
                return order.InvoiceboxOrderId == null || order.InvoiceboxOrderId == notification.Id
                    ? NotificationReply.Success
                    : NotificationReply.Error(NotificationReplyCodes.OrderAlreadyPaid);
        }
        if (target is not { } to || to == order.Status)
            return NotificationReply.Success;
        if (order.Status == OrderStatus.Accepted)
            // Invoicebox knows an order our worker has not recorded yet: ask for the notification again later.
            return NotificationReply.Error(NotificationReplyCodes.OutOfService, "Order is still being registered; please retry.");

        if (!await states.TryMoveToAsync(order.Id, to, OrderEventSource.Notification, $"Уведомление Инвойсбокса: статус «{notification.Status}».", ct: ct))
        {
            var now = await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync(ct);
            if (now != to)
            {
                log.LogWarning("Notification {Status} for order {OrderId} ignored: the order is {Current}", notification.Status, order.Id, now);
                await states.NoteAsync(order.Id, OrderEventSource.Notification, $"Инвойсбокс сообщил статус «{notification.Status}», а заказ в состоянии {now.ToWireName()}: не применено.", ct);
            }
        }
        return NotificationReply.Success;
    }

    private static async Task<Order?> FindOrderAsync(PlatformDbContext db, OrderResponse notification, CancellationToken ct)
    {
        if (long.TryParse(notification.MerchantOrderId, out var number))
        {
            var byNumber = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Number == number, ct);
            if (byNumber is not null)
                return byNumber;
        }
        var id = notification.Id;
        return await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.InvoiceboxOrderId == id, ct);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Reply(NotificationReply reply) => Results.Json(reply, statusCode: StatusCodes.Status200OK);

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
