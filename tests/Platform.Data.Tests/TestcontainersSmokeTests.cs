using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Data.Tenancy;
using Platform.Migrations;
using Platform.ServiceDefaults.Messaging;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Data.Tests;

/// <summary>
/// The Testcontainers path of <see cref="TestInfrastructure"/>, for real: containers from the locally built images
/// (deploy/testcontainers/build-images.sh), a migrated database and a virtual host in them. Run by
/// scripts/testcontainers-smoke.sh; skipped everywhere else.
/// </summary>
[Trait("Category", "Docker")]
public sealed class TestcontainersSmokeTests(ContainersFixture fx, ITestOutputHelper output) : IClassFixture<ContainersFixture>
{
    [DockerFact]
    public async Task The_PostgreSQL_container_holds_a_migrated_database_that_the_platform_model_reads_and_writes()
    {
        var clock = Stopwatch.StartNew();
        await using var scope = fx.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

        var order = await fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.Tenant.Id, sp =>
            sp.GetRequiredService<PlatformDbContext>().Orders.Include(o => o.Lines).SingleAsync(o => o.Id == fx.Tenant.OrderId));

        Assert.Equal(fx.Tenant.Id, order.TenantId);
        Assert.Equal(fx.Tenant.ProductId, Assert.Single(order.Lines).ProductId);
        output.WriteLine($"[smoke] containers ready: {string.Join(", ", fx.Infrastructure.ContainerStartTimes.Select(t => $"{t.Key} {t.Value.TotalSeconds:F1} s"))}");
        output.WriteLine($"[smoke] database from template + seed: {fx.DatabaseTime.TotalSeconds:F1} s; query: {clock.Elapsed.TotalSeconds:F2} s");
    }

    [DockerFact]
    public async Task A_message_published_in_a_virtual_host_of_the_RabbitMQ_container_reaches_its_consumer()
    {
        var clock = Stopwatch.StartNew();
        var probe = new IsolationProbe();
        await using var vhost = await TestVirtualHost.CreateAsync(fx.Infrastructure);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(fx.Database.Settings());
        builder.Configuration["RabbitMq:Url"] = vhost.Amqp.ToString();
        builder.Services.AddPlatformData(builder.Configuration);
        builder.Services.AddSingleton(probe);
        builder.Services.AddPlatformBus(builder.Configuration, x => x.AddConsumer<IsolationProbeConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<IBus>().Publish(new IsolationProbeRequested(fx.Tenant.Id, "smoke"));

            Assert.Equal([fx.Tenant.Id], await probe.WaitForAsync("smoke", TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await host.StopAsync();
        }
        output.WriteLine($"[smoke] virtual host + bus start + publish -> consume: {clock.Elapsed.TotalSeconds:F1} s");
    }
}

/// <summary>Starts the containers only when the Docker facts run, so the normal run never looks for an engine.</summary>
public sealed class ContainersFixture : IAsyncLifetime
{
    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public TenantSeeder.SeededTenant Tenant { get; private set; } = null!;
    public TimeSpan DatabaseTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (!DockerFactAttribute.Enabled)
            return;
        Infrastructure = await TestInfrastructure.StartContainersAsync();
        var clock = Stopwatch.StartNew();
        Database = await TestDatabase.CreateAsync(Infrastructure);
        Services = MigrationServices.Build(Database.Configuration());
        Tenant = await TenantSeeder.SeedAsync(Services, "smoke");
        DatabaseTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        if (Infrastructure is not null) await Infrastructure.DisposeAsync();
    }
}
