using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Catalog;
using Platform.Data.Orders;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Domain.Money;

namespace Platform.Data.Tests;

public sealed class TenantIsolationTests(TwoTenantsFixture fx) : IClassFixture<TwoTenantsFixture>
{
    private static readonly MethodInfo TenantIdsOfMethod = typeof(TenantIsolationTests).GetMethod(nameof(TenantIdsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Every tenant-owned entity type of the model, and the tenant ids of the rows a context can see of each.</summary>
    private static async Task<Dictionary<Type, List<Guid>>> VisibleTenantIdsAsync(PlatformDbContext db)
    {
        var result = new Dictionary<Type, List<Guid>>();
        foreach (var type in TenantOwnedTypes(db))
            result[type] = await (Task<List<Guid>>)TenantIdsOfMethod.MakeGenericMethod(type).Invoke(null, [db])!;
        return result;
    }

    private static Task<List<Guid>> TenantIdsOf<T>(PlatformDbContext db) where T : class, ITenantOwned =>
        db.Set<T>().AsNoTracking().Select(e => e.TenantId).ToListAsync();

    private static IEnumerable<Type> TenantOwnedTypes(PlatformDbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ITenantOwned).IsAssignableFrom(t)).Distinct();

    private Task<Dictionary<Type, List<Guid>>> ReadAllAsTenantAsync(Guid tenantId) =>
        fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(tenantId, sp => VisibleTenantIdsAsync(sp.GetRequiredService<PlatformDbContext>()));

    [Fact]
    public async Task Reads_under_tenant_A_return_own_rows_of_every_tenant_owned_type_and_none_of_B()
    {
        var visible = await ReadAllAsTenantAsync(fx.A.Id);

        Assert.NotEmpty(visible);
        foreach (var (type, tenantIds) in visible)
        {
            Assert.True(tenantIds.Count > 0, $"the seed has no {type.Name} row for tenant A, so its isolation is untested");
            Assert.All(tenantIds, id => Assert.Equal(fx.A.Id, id));
        }
    }

    [Fact]
    public async Task Parallel_reads_of_two_tenants_never_see_each_others_rows()
    {
        var reads = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? fx.A.Id : fx.B.Id)
            .Select(async tenantId => (tenantId, visible: await ReadAllAsTenantAsync(tenantId)));

        foreach (var (tenantId, visible) in await Task.WhenAll(reads))
            foreach (var (type, ids) in visible)
                Assert.True(ids.Count > 0 && ids.All(id => id == tenantId), $"{type.Name} leaked across tenants");
    }

    [Fact]
    public async Task Without_a_tenant_nothing_tenant_owned_is_readable()
    {
        await using var scope = fx.Services.CreateAsyncScope();
        var visible = await VisibleTenantIdsAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());

        Assert.All(visible, pair => Assert.Empty(pair.Value));
    }

    [Fact]
    public async Task Without_a_tenant_writes_throw()
    {
        await using var scope = fx.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Categories.Add(new Category { Name = "orphan" });

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Updating_a_row_of_B_under_A_throws_and_changes_nothing()
    {
        var productOfB = await ReadProductAsync(fx.B.Id, fx.B.ProductId);

        await Assert.ThrowsAsync<TenantIsolationException>(() =>
            fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                db.Products.Attach(productOfB);
                productOfB.Price = new Kopecks(1);
                await db.SaveChangesAsync();
            }));

        Assert.Equal(new Kopecks(10_000), (await ReadProductAsync(fx.B.Id, fx.B.ProductId)).Price);
    }

    [Fact]
    public async Task Deleting_a_row_of_B_under_A_throws()
    {
        var productOfB = await ReadProductAsync(fx.B.Id, fx.B.ProductId);

        await Assert.ThrowsAsync<TenantIsolationException>(() =>
            fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                db.Products.Remove(productOfB);
                await db.SaveChangesAsync();
            }));
    }

    [Fact]
    public async Task A_new_row_naming_another_tenant_is_refused()
    {
        await Assert.ThrowsAsync<TenantIsolationException>(() =>
            fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                db.Categories.Add(new Category { Name = "smuggled", TenantId = fx.B.Id });
                await db.SaveChangesAsync();
            }));
    }

    [Fact]
    public async Task Moving_an_own_row_to_another_tenant_is_refused()
    {
        await Assert.ThrowsAsync<TenantIsolationException>(() =>
            fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                var product = await db.Products.SingleAsync(p => p.Id == fx.A.ProductId);
                product.TenantId = fx.B.Id;
                await db.SaveChangesAsync();
            }));
    }

    [Fact]
    public async Task New_rows_are_stamped_with_the_current_tenant()
    {
        var category = await fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var c = new Category { Name = "stamped" };
            db.Categories.Add(c);
            await db.SaveChangesAsync();
            return c;
        });

        Assert.Equal(fx.A.Id, category.TenantId);
    }

    [Fact]
    public async Task Bulk_update_under_A_does_not_touch_rows_of_B()
    {
        await fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, sp =>
            sp.GetRequiredService<PlatformDbContext>().Orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.FailureReason, "bulk")));

        var orderOfB = await fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.B.Id, sp =>
            sp.GetRequiredService<PlatformDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == fx.B.OrderId));
        Assert.Null(orderOfB.FailureReason);
    }

    [Fact]
    public async Task Include_from_an_unfiltered_table_still_filters_tenant_owned_children()
    {
        var tenants = await fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, sp =>
            sp.GetRequiredService<PlatformDbContext>().Tenants.Include(t => t.PointsOfSale).AsNoTracking().ToListAsync());

        Assert.NotEmpty(tenants.Single(t => t.Id == fx.A.Id).PointsOfSale);
        Assert.Empty(tenants.Single(t => t.Id == fx.B.Id).PointsOfSale);
    }

    [Fact]
    public void A_scope_cannot_switch_to_another_tenant()
    {
        var context = new TenantContext();
        context.Use(fx.A.Id);

        Assert.Throws<InvalidOperationException>(() => context.Use(fx.B.Id));
    }

    private Task<Product> ReadProductAsync(Guid tenantId, Guid productId) =>
        fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(tenantId, sp =>
            sp.GetRequiredService<PlatformDbContext>().Products.AsNoTracking().SingleAsync(p => p.Id == productId));
}
