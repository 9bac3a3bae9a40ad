using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Data.Tenancy;
using Platform.ServiceDefaults.Messaging;
using Platform.Testing;

namespace Platform.Data.Tests;

public sealed record IsolationProbeRequested(Guid TenantId, string Run) : ITenantMessage;

/// <summary>A message type that does not carry a tenant: the consume filter must refuse it.</summary>
public sealed record UntenantedProbeRequested(string Run);

public sealed class IsolationProbeConsumer(PlatformDbContext db, IsolationProbe probe) :
    IConsumer<IsolationProbeRequested>, IConsumer<UntenantedProbeRequested>
{
    public Task Consume(ConsumeContext<IsolationProbeRequested> context) => probe.RecordAsync(context.Message.Run, db);

    public Task Consume(ConsumeContext<UntenantedProbeRequested> context) => probe.RecordAsync(context.Message.Run, db);
}

public sealed class ConsumerIsolationTests(TwoTenantsFixture fx) : IClassFixture<TwoTenantsFixture>, IAsyncLifetime
{
    private TestVirtualHost _vhost = null!;
    private IHost _host = null!;
    private readonly IsolationProbe _probe = new();

    public async Task InitializeAsync()
    {
        _vhost = await TestVirtualHost.CreateAsync(await TestInfrastructure.GetAsync());
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(fx.Database.Settings());
        builder.Configuration["RabbitMq:Url"] = _vhost.Amqp.ToString();
        builder.Services.AddPlatformData(builder.Configuration);
        builder.Services.AddSingleton(_probe);
        builder.Services.AddPlatformBus(builder.Configuration, x => x.AddConsumer<IsolationProbeConsumer>(c =>
            c.UseMessageRetry(r => r.None())));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _vhost.DisposeAsync();
    }

    [Fact]
    public async Task A_consumer_reads_only_the_rows_of_the_tenant_its_message_names()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var runs = Enumerable.Range(0, 10).Select(i => (run: $"run-{i}", tenant: i % 2 == 0 ? fx.A.Id : fx.B.Id)).ToList();

        await Task.WhenAll(runs.Select(r => bus.Publish(new IsolationProbeRequested(r.tenant, r.run))));

        foreach (var (run, tenant) in runs)
            Assert.Equal([tenant], await _probe.WaitForAsync(run, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_message_without_a_tenant_never_reaches_the_consumer()
    {
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(new UntenantedProbeRequested("untenanted"));
        await bus.Publish(new IsolationProbeRequested(fx.A.Id, "after-untenanted"));

        // The tenanted message published after it has been consumed, so the untenanted one had its chance and was refused.
        await _probe.WaitForAsync("after-untenanted", TimeSpan.FromSeconds(20));
        Assert.False(_probe.SeenByRun.ContainsKey("untenanted"));
    }
}
