using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Data.Catalog;
using Platform.Data.Identity;
using Platform.Data.Orders;
using Platform.Data.Payments;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Domain.Orders;

namespace Platform.Data;

public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, ITenantContext tenant)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string Schema = "app";
    /// <summary>Name of the query filter on every tenant-owned entity. Ignore it only where a cross-tenant read is the point (tenant resolution, operator console).</summary>
    public const string TenantFilter = "Tenant";
    public const string OrderNumberSequence = "order_numbers";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<PointOfSale> PointsOfSale => Set<PointOfSale>();
    public DbSet<InvoiceboxSettings> InvoiceboxSettings => Set<InvoiceboxSettings>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<StoredImage> Images => Set<StoredImage>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<RefundLine> RefundLines => Set<RefundLine>();
    public DbSet<BuyerSession> BuyerSessions => Set<BuyerSession>();
    public DbSet<PaymentNotification> PaymentNotifications => Set<PaymentNotification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Guid? CurrentTenantId => tenant.TenantId;

    // Read by the query filter on every query, so each context instance filters by its own scope's tenant.
    // Guid.Empty never stamps a row, so "no tenant" matches nothing.
    private Guid FilterTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<Kopecks>().HaveConversion<KopecksConverter>();
        builder.Properties<TenantStatus>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<VatCode>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ItemType>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<PaymentType>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<OrderStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<MinappType>().HaveConversion<string>().HaveMaxLength(10);
        builder.Properties<OrderEventSource>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<RefundStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.HasDefaultSchema(Schema);
        b.HasSequence<long>(OrderNumberSequence).StartsAt(1001);

        b.Entity<PlatformUser>().HasIndex(u => u.TenantId);

        b.Entity<Tenant>(e =>
        {
            e.HasIndex(t => t.Slug).IsUnique();
            e.HasIndex(t => t.WebhookKey).IsUnique();
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Slug).HasMaxLength(64);
            e.Property(t => t.DisplayName).HasMaxLength(200);
            e.Property(t => t.BrandColor).HasMaxLength(7);
            e.Property(t => t.DefaultLocale).HasMaxLength(2);
            e.Property(t => t.WebhookKey).HasMaxLength(64);
            e.Property(t => t.SuspensionReason).HasMaxLength(500);
            e.HasMany(t => t.PointsOfSale).WithOne().HasForeignKey(p => p.TenantId);
        });

        b.Entity<PointOfSale>(e =>
        {
            e.HasIndex(p => p.ShopId).IsUnique();
            e.Property(p => p.Name).HasMaxLength(200);
        });

        b.Entity<InvoiceboxSettings>(e =>
        {
            e.HasKey(s => s.TenantId);
            e.HasOne<Tenant>().WithOne().HasForeignKey<InvoiceboxSettings>(s => s.TenantId);
            e.Property(s => s.MerchantId).HasMaxLength(36);
            e.Property(s => s.ApiPrefix).HasMaxLength(3);
            e.Property(s => s.ApiBaseUrl).HasMaxLength(300);
            e.Property(s => s.TokenHint).HasMaxLength(16);
            e.Property(s => s.NotificationKeyHint).HasMaxLength(16);
            e.Property(s => s.CheckMessage).HasMaxLength(1000);
        });

        b.Entity<Category>(e =>
        {
            e.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId);
            e.Property(c => c.Name).HasMaxLength(200);
        });

        b.Entity<Product>(e =>
        {
            e.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId);
            e.HasIndex(p => new { p.TenantId, p.Sku }).IsUnique();
            e.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
            e.Property(p => p.Sku).HasMaxLength(100);
            e.Property(p => p.Name).HasMaxLength(500);
            e.Property(p => p.Description).HasMaxLength(2000);
            e.Property(p => p.MeasureName).HasMaxLength(10);
            e.Property(p => p.MeasureCode).HasMaxLength(4);
        });

        b.Entity<StoredImage>(e =>
        {
            e.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId);
            e.Property(i => i.ContentType).HasMaxLength(50);
        });

        b.Entity<Order>(e =>
        {
            e.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId);
            e.Property(o => o.Number).HasDefaultValueSql($"nextval('{Schema}.{OrderNumberSequence}')");
            e.HasIndex(o => o.Number).IsUnique();
            e.HasIndex(o => new { o.TenantId, o.IdempotencyKey }).IsUnique();
            e.HasIndex(o => new { o.TenantId, o.Status, o.CreatedAt });
            e.HasIndex(o => o.InvoiceboxOrderId);
            e.Ignore(o => o.MerchantOrderId);
            e.Property(o => o.IdempotencyKey).HasMaxLength(100);
            e.Property(o => o.IdempotencyFingerprint).HasMaxLength(64);
            e.Property(o => o.RequestedContainerId).HasMaxLength(36);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.Description).HasMaxLength(1000);
            e.Property(o => o.BuyerName).HasMaxLength(500);
            e.Property(o => o.BuyerEmail).HasMaxLength(100);
            e.Property(o => o.BuyerPhone).HasMaxLength(20);
            e.Property(o => o.Locale).HasMaxLength(2);
            e.Property(o => o.InvoiceboxOrderId).HasMaxLength(36);
            e.Property(o => o.InvoiceboxContainerId).HasMaxLength(36);
            e.Property(o => o.PaymentUrl).HasMaxLength(1000);
            e.Property(o => o.FailureReason).HasMaxLength(1000);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
            e.HasMany(o => o.Events).WithOne().HasForeignKey(ev => ev.OrderId);
            // Compare-and-set on concurrent edits of the same row.
            e.Property<uint>("xmin").IsRowVersion();
        });

        b.Entity<OrderLine>(e =>
        {
            e.Property(l => l.Quantity).HasPrecision(12, 3);
            e.Property(l => l.RefundedQuantity).HasPrecision(12, 3);
            e.Property(l => l.Sku).HasMaxLength(100);
            e.Property(l => l.Name).HasMaxLength(500);
            e.Property(l => l.MeasureName).HasMaxLength(10);
            e.Property(l => l.MeasureCode).HasMaxLength(4);
        });

        b.Entity<OrderEvent>(e =>
        {
            e.HasIndex(ev => new { ev.OrderId, ev.At });
            e.Property(ev => ev.Message).HasMaxLength(1000);
        });

        b.Entity<Refund>(e =>
        {
            e.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId);
            // One refund per number: a double-clicked refund button cannot create two refunds.
            e.HasIndex(r => r.MerchantRefundId).IsUnique();
            e.HasIndex(r => r.OrderId);
            e.Property(r => r.MerchantRefundId).HasMaxLength(100);
            e.Property(r => r.InvoiceboxRefundId).HasMaxLength(36);
            e.Property(r => r.FailureReason).HasMaxLength(1000);
            e.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RefundId);
        });

        b.Entity<RefundLine>(e =>
        {
            e.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId);
            e.Property(l => l.Quantity).HasPrecision(12, 3);
        });

        b.Entity<BuyerSession>(e =>
        {
            e.HasIndex(s => s.ExpiresAt);
            e.Property(s => s.OrderContainerId).HasMaxLength(36);
            e.Property(s => s.Locale).HasMaxLength(2);
        });

        b.Entity<PaymentNotification>(e =>
        {
            e.HasIndex(n => new { n.TenantId, n.ReceivedAt });
            e.HasIndex(n => n.OrderId);
            e.Property(n => n.InvoiceboxOrderId).HasMaxLength(36);
            e.Property(n => n.MerchantOrderId).HasMaxLength(256);
            e.Property(n => n.Status).HasMaxLength(50);
            e.Property(n => n.Outcome).HasMaxLength(50);
            e.Property(n => n.BodyHash).HasMaxLength(64);
        });

        foreach (var entity in b.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            typeof(PlatformDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType).Invoke(this, [b]);
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder b) where T : class, ITenantOwned
    {
        b.Entity<T>().HasQueryFilter(TenantFilter, e => e.TenantId == FilterTenantId);
        b.Entity<T>().HasIndex(e => e.TenantId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantWriteGuard.Apply(ChangeTracker, tenant.TenantId);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantWriteGuard.Apply(ChangeTracker, tenant.TenantId);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private sealed class KopecksConverter() : ValueConverter<Kopecks, long>(k => k.Value, v => new Kopecks(v));
}
