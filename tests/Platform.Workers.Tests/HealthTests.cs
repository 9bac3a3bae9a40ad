using System.Net;
using Platform.Testing;

namespace Platform.Workers.Tests;

/// <summary>Readiness when RabbitMQ goes away: the workers are not ready; the API still is (it keeps taking orders), but says so on /health/broker.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private PlatformStack _stack = null!;

    public async Task InitializeAsync() => _stack = await PlatformStack.StartAsync(brokerGate: true);

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Without_the_broker_the_workers_are_not_ready_and_the_api_reports_it_but_stays_ready()
    {
        using var workers = _stack.Workers.CreateClient();
        using var api = _stack.ApiClient();
        Assert.Equal(HttpStatusCode.OK, (await workers.GetAsync("/health/ready")).StatusCode);

        await _stack.BrokerGate!.CloseAsync();

        await PlatformStack.EventuallyAsync(async () => (await workers.GetAsync("/health/ready")).StatusCode,
            s => s == HttpStatusCode.ServiceUnavailable, "workers not ready");
        await PlatformStack.EventuallyAsync(async () => (await api.GetAsync("/health/broker")).StatusCode,
            s => s == HttpStatusCode.ServiceUnavailable, "api broker check failing");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health/ready")).StatusCode);

        _stack.BrokerGate.Open();
        await PlatformStack.EventuallyAsync(async () => (await workers.GetAsync("/health/ready")).StatusCode,
            s => s == HttpStatusCode.OK, "workers ready again", seconds: 60);
    }
}
