using System.Net;
using Invoicebox.Emulator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Migrations;
using Platform.Testing;

namespace Platform.Web.Tests;

/// <summary>
/// The portal in-process on a database of its own, the Invoicebox emulator on a loopback port, and two shops:
/// A (live, with an owner and a staff member) and B (live, with an owner), plus an operator and a support login.
/// Mail goes to a temporary folder the tests read.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Password = "Test-password-1";

    public TestDatabase Database { get; private set; } = null!;
    public RunningEmulator Emulator { get; private set; } = null!;
    public PlatformAppFactory<WebHost> App { get; private set; } = null!;
    public ServiceProvider Data { get; private set; } = null!;
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("portal-mail-").FullName;

    public TenantSeeder.SeededTenant ShopA { get; private set; } = null!;
    public TenantSeeder.SeededTenant ShopB { get; private set; } = null!;
    public PlatformUser OwnerA { get; private set; } = null!;
    public PlatformUser StaffA { get; private set; } = null!;
    public PlatformUser OwnerB { get; private set; } = null!;

    public const string OperatorEmail = "operator@test.local";
    public const string SupportEmail = "support@test.local";

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        Database = await TestDatabase.CreateAsync(infrastructure);
        Emulator = await RunningEmulator.StartAsync(o =>
        {
            o.RateLimit.PermitLimit = 0;
            o.Notifications.RetryDelays = [TimeSpan.FromMilliseconds(200)];
        });
        Data = MigrationServices.Build(Database.Configuration());
        ShopA = await TenantSeeder.SeedAsync(Data, "shop-a", apiBaseUrl: EmulatorUrl);
        ShopB = await TenantSeeder.SeedAsync(Data, "shop-b", apiBaseUrl: EmulatorUrl);

        await using (var scope = Data.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            foreach (var role in PlatformRoles.All)
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
        OwnerA = await CreateUserAsync("owner-a@test.local", PlatformRoles.Owner, ShopA.Id);
        StaffA = await CreateUserAsync("staff-a@test.local", PlatformRoles.Staff, ShopA.Id);
        OwnerB = await CreateUserAsync("owner-b@test.local", PlatformRoles.Owner, ShopB.Id);
        await CreateUserAsync(OperatorEmail, PlatformRoles.Operator, null);
        await CreateUserAsync(SupportEmail, PlatformRoles.Support, null);

        App = new PlatformAppFactory<WebHost>(TestSettings.For(Database, extra: new Dictionary<string, string?>
        {
            ["Mail:Folder"] = MailFolder,
            ["Portal:EmulatorUrl"] = EmulatorUrl,
            ["Invoicebox:AllowedBaseUrls:0"] = EmulatorUrl,
            // Allowed but nothing listens there: the «Инвойсбокс не ответил» check.
            ["Invoicebox:AllowedBaseUrls:1"] = UnreachableInvoiceboxUrl,
            ["Portal:DashboardUrl"] = "http://127.0.0.1:5300/hangfire",
            ["RabbitMq:ManagementUrl"] = infrastructure.Management.ToString(),
            ["RabbitMq:Url"] = infrastructure.Amqp.ToString(),
            ["PublicUrls:ApiBaseUrl"] = "https://apps.example.test",
            ["Invoicebox:ReadRetryBaseDelay"] = "00:00:00.010",
            ["Invoicebox:ReadRetries"] = "0",
            ["Invoicebox:RequestTimeout"] = "00:00:05",
        }));
        _ = App.Server;
    }

    public string EmulatorUrl => Emulator.BaseAddress.ToString().TrimEnd('/');

    public const string UnreachableInvoiceboxUrl = "http://127.0.0.1:9";

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Data.DisposeAsync();
        await Emulator.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(MailFolder, recursive: true);
    }

    public async Task<PlatformUser> CreateUserAsync(string email, string role, Guid? tenantId, string password = Password)
    {
        await using var scope = Data.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, TenantId = tenantId, DisplayName = email.Split('@')[0] };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public PortalClient Anonymous() => new(App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    }));

    public async Task<PortalClient> SignInAsync(string email, string password = Password)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<PlatformDbContext, Task<T>> work) =>
        Data.GetRequiredService<TenantScopeFactory>().RunAsync(tenantId, sp => work(sp.GetRequiredService<PlatformDbContext>()));

    public async Task<T> InDatabaseAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = Data.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>A fresh tenant of this class's database, with its own owner, for tests that change shop state.</summary>
    public async Task<(TenantSeeder.SeededTenant Shop, PortalClient Owner)> NewShopAsync(string slug, TenantStatus status = TenantStatus.Live)
    {
        var shop = await TenantSeeder.SeedAsync(Data, slug, status, apiBaseUrl: EmulatorUrl);
        var email = $"owner@{slug}.test";
        await CreateUserAsync(email, PlatformRoles.Owner, shop.Id);
        return (shop, await SignInAsync(email));
    }
}

[CollectionDefinition(nameof(PortalCollection))]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>;
