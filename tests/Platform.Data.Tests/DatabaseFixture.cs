using Microsoft.Extensions.DependencyInjection;
using Platform.Migrations;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>A migrated database of this test class, two live tenants with a row of every tenant-owned type, and the data services.</summary>
public sealed class TwoTenantsFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public TenantSeeder.SeededTenant A { get; private set; } = null!;
    public TenantSeeder.SeededTenant B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(await TestInfrastructure.GetAsync());
        Services = MigrationServices.Build(Database.Configuration());
        A = await TenantSeeder.SeedAsync(Services, "shop-a", token: "token-of-shop-a-7f3b9c1d2e4a5b6c", notificationKey: "notification-key-of-shop-a");
        B = await TenantSeeder.SeedAsync(Services, "shop-b", token: "token-of-shop-b-0a1b2c3d4e5f6a7b", notificationKey: "notification-key-of-shop-b");
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
