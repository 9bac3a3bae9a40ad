using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Data.Orders;
using Platform.Data.Payments;
using Platform.Data.Secrets;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Domain.Orders;

namespace Platform.Testing;

/// <summary>Creates a tenant with at least one row of every tenant-owned entity type, for isolation tests.</summary>
public static class TenantSeeder
{
    private static int _nextShopId = 700_000;

    public sealed record SeededTenant(Guid Id, int ShopId, string WebhookKey, Guid ProductId, Guid OrderId);

    public static async Task<SeededTenant> SeedAsync(IServiceProvider services, string slug,
        TenantStatus status = TenantStatus.Live, string token = "token-0000000000000000000000000000",
        string notificationKey = "notification-key", string merchantId = "00000000-0000-4000-8000-000000000001",
        string apiBaseUrl = "http://127.0.0.1:9")
    {
        var now = DateTimeOffset.UtcNow;
        var shopId = Interlocked.Increment(ref _nextShopId);
        var tenant = new Tenant { Name = slug, Slug = slug, DisplayName = slug, Status = status, CreatedAt = now };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }

        return await services.GetRequiredService<TenantScopeFactory>().RunAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var protector = sp.GetRequiredService<CredentialProtector>();
            db.PointsOfSale.Add(new PointOfSale { ShopId = shopId, Name = slug, CreatedAt = now });
            db.InvoiceboxSettings.Add(new InvoiceboxSettings
            {
                MerchantId = merchantId, ApiBaseUrl = apiBaseUrl, UpdatedAt = now,
                ProtectedToken = protector.Protect(token), TokenHint = CredentialProtector.Hint(token),
                ProtectedNotificationKey = protector.Protect(notificationKey), NotificationKeyHint = CredentialProtector.Hint(notificationKey),
            });
            var category = new Category { Name = $"{slug} category" };
            var image = new StoredImage { ContentType = "image/png", Content = [1, 2, 3], CreatedAt = now };
            var product = new Product
            {
                Category = category, Sku = $"{slug}-SKU", Name = $"{slug} product", Price = new Kopecks(10_000),
                VatCode = VatCode.RUS_VAT22, ImageId = image.Id, CreatedAt = now, UpdatedAt = now,
            };
            db.AddRange(category, image, product);
            var order = new Order
            {
                IdempotencyKey = Guid.NewGuid().ToString(), ShopId = shopId, Mode = MinappType.Order,
                Amount = new Kopecks(10_000), VatAmount = new Kopecks(1_803), BuyerName = "Buyer", CreatedAt = now, UpdatedAt = now,
                ExpiresAt = now.AddDays(1),
                Lines =
                [
                    new OrderLine
                    {
                        ProductId = product.Id, Sku = product.Sku, Name = product.Name, MeasureName = "шт", MeasureCode = "796",
                        Quantity = 1, CatalogPrice = new Kopecks(10_000), UnitPrice = new Kopecks(10_000), Total = new Kopecks(10_000), Vat = new Kopecks(1_803),
                        VatCode = VatCode.RUS_VAT22, ItemType = ItemType.Commodity, PaymentType = PaymentType.FullPrepayment,
                    },
                ],
                Events = [new OrderEvent { At = now, ToStatus = OrderStatus.Accepted, Source = OrderEventSource.Buyer, Message = "accepted" }],
            };
            db.Orders.Add(order);
            db.Refunds.Add(new Refund
            {
                OrderId = order.Id, MerchantRefundId = $"{slug}-R1", Amount = new Kopecks(10_000), VatAmount = new Kopecks(1_803),
                CreatedAt = now, UpdatedAt = now,
                Lines = [new RefundLine { OrderLineId = order.Lines[0].Id, Quantity = 1, Amount = new Kopecks(10_000), Vat = new Kopecks(1_803) }],
            });
            db.BuyerSessions.Add(new BuyerSession { Mode = MinappType.Order, CreatedAt = now, ExpiresAt = now.AddMinutes(30) });
            db.PaymentNotifications.Add(new PaymentNotification { ReceivedAt = now, Outcome = "success", SignatureValid = true, OrderId = order.Id });
            await db.SaveChangesAsync();
            return new SeededTenant(tenant.Id, shopId, tenant.WebhookKey, product.Id, order.Id);
        });
    }
}
