using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Migrations;

namespace Platform.Data.Tests;

public sealed class TenantStoreTests(TwoTenantsFixture fx) : IClassFixture<TwoTenantsFixture>
{
    [Fact]
    public async Task Resolves_a_point_of_sale_to_its_tenant()
    {
        var store = fx.Services.GetRequiredService<TenantStore>();

        var pos = await store.FindByShopIdAsync(fx.B.ShopId, CancellationToken.None);

        Assert.NotNull(pos);
        Assert.Equal(fx.B.Id, pos.Tenant.Id);
        Assert.Null(await store.FindByShopIdAsync(999_999_999, CancellationToken.None));
    }

    [Fact]
    public async Task Resolves_a_webhook_key_and_nothing_else()
    {
        var store = fx.Services.GetRequiredService<TenantStore>();

        Assert.Equal(fx.A.Id, (await store.FindByWebhookKeyAsync(fx.A.WebhookKey, CancellationToken.None))?.Id);
        Assert.Null(await store.FindByWebhookKeyAsync(fx.A.Id.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task A_cached_tenant_is_served_without_the_database_until_a_change_is_notified_from_another_process()
    {
        // Two service providers stand for two processes (the portal and the API), each with its own cache and listener.
        await using var api = MigrationServices.Build(fx.Database.Configuration());
        var listener = api.GetServices<IHostedService>().OfType<TenantChangeListener>().Single();
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        try
        {
            var apiStore = api.GetRequiredService<TenantStore>();
            await WaitUntilAsync(async () => (await apiStore.FindByShopIdAsync(fx.A.ShopId, CancellationToken.None)) is not null);

            await SetDisplayNameAsync("renamed without notice", notify: false);
            Assert.Equal("shop-a", (await apiStore.FindByShopIdAsync(fx.A.ShopId, CancellationToken.None))!.Tenant.DisplayName);

            await SetDisplayNameAsync("renamed with notice", notify: true);
            await WaitUntilAsync(async () =>
                (await apiStore.FindByShopIdAsync(fx.A.ShopId, CancellationToken.None))!.Tenant.DisplayName == "renamed with notice");
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
            await SetDisplayNameAsync("shop-a", notify: true);
        }
    }

    private async Task SetDisplayNameAsync(string name, bool notify)
    {
        await using var scope = fx.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Tenants.Where(t => t.Id == fx.A.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DisplayName, name));
        if (notify)
            await scope.ServiceProvider.GetRequiredService<TenantChangeNotifier>().NotifyAsync(fx.A.Id, CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(50);
        }
    }
}
