using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Platform.Testing;

/// <summary>
/// The PostgreSQL server and RabbitMQ broker every integration test uses, one per test process.
/// <c>./test.sh</c> names running ones in PLATFORM_TEST_PG (a connection string of a role with CREATEDB),
/// PLATFORM_TEST_AMQP and PLATFORM_TEST_RMQ_MGMT (management API, for per-class virtual hosts).
/// Without them (a laptop with Docker) it starts Testcontainers from locally built images (deploy/testcontainers).
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    public const string PostgresImage = "platform/postgres:15-local";
    public const string RabbitMqImage = "platform/rabbitmq:3.10-local";

    private static readonly Lazy<Task<TestInfrastructure>> Instance = new(StartAsync);

    private IReadOnlyList<IContainer> _containers = [];

    public required string PostgresConnectionString { get; init; }
    public required Uri Amqp { get; init; }
    public required Uri Management { get; init; }
    public bool FromContainers { get; init; }

    /// <summary>How long each container took from start to ready (empty when the servers came from the environment).</summary>
    public IReadOnlyDictionary<string, TimeSpan> ContainerStartTimes { get; init; } = new Dictionary<string, TimeSpan>();

    public static Task<TestInfrastructure> GetAsync() => Instance.Value;

    private static async Task<TestInfrastructure> StartAsync()
    {
        var pg = Environment.GetEnvironmentVariable("PLATFORM_TEST_PG");
        var amqp = Environment.GetEnvironmentVariable("PLATFORM_TEST_AMQP");
        var mgmt = Environment.GetEnvironmentVariable("PLATFORM_TEST_RMQ_MGMT");
        if (!string.IsNullOrEmpty(pg) && !string.IsNullOrEmpty(amqp) && !string.IsNullOrEmpty(mgmt))
            return new TestInfrastructure { PostgresConnectionString = pg, Amqp = new Uri(amqp), Management = new Uri(mgmt) };
        return await StartContainersAsync();
    }

    /// <summary>
    /// Starts both servers in Docker. Public so the Testcontainers smoke test can exercise this path explicitly
    /// (and dispose it); the shared instance lives as long as the test process, and Ryuk, where it runs, removes it.
    /// </summary>
    public static async Task<TestInfrastructure> StartContainersAsync()
    {
        var postgres = new PostgreSqlBuilder(PostgresImage)
            .WithDatabase("postgres").WithUsername("platform").WithPassword("platform")
            // The per-class databases and the in-process hosts of a whole test run need more than the default 100.
            .WithCommand("-c", "max_connections=300")
            .Build();
        var rabbit = new RabbitMqBuilder(RabbitMqImage)
            .WithUsername("guest").WithPassword("guest")
            .WithPortBinding(15672, true)
            // Added to the module's "Server startup complete" wait: the management API creates the per-class virtual hosts.
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r
                .ForPort(15672).ForPath("/api/overview").WithBasicAuthentication("guest", "guest")))
            .Build();
        var times = await Task.WhenAll(TimedStartAsync(postgres), TimedStartAsync(rabbit));
        var host = rabbit.Hostname;
        return new TestInfrastructure
        {
            PostgresConnectionString = postgres.GetConnectionString(),
            Amqp = new Uri($"amqp://guest:guest@{host}:{rabbit.GetMappedPublicPort(5672)}/"),
            Management = new Uri($"http://guest:guest@{host}:{rabbit.GetMappedPublicPort(15672)}/"),
            FromContainers = true,
            ContainerStartTimes = new Dictionary<string, TimeSpan> { [PostgresImage] = times[0], [RabbitMqImage] = times[1] },
            _containers = [postgres, rabbit],
        };
    }

    /// <summary>Stops and removes the containers this instance started; nothing to do for servers from the environment.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
            await container.DisposeAsync();
        _containers = [];
    }

    private static async Task<TimeSpan> TimedStartAsync(IContainer container)
    {
        var clock = Stopwatch.StartNew();
        await container.StartAsync();
        return clock.Elapsed;
    }
}
