using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Orders;

namespace Platform.ServiceDefaults.Messaging;

public static class BusExtensions
{
    public const string BrokerHealthTag = "broker";

    /// <summary>
    /// MassTransit on RabbitMQ (<c>RabbitMq:Url</c>, an AMQP URI) with the tenant consume filter on every endpoint.
    /// <paramref name="waitUntilStarted"/>: hosts with consumers wait until their queues are declared, so the first
    /// publish on a fresh broker is not dropped; a publish-only host does not block its start on the broker.
    /// </summary>
    public static IServiceCollection AddPlatformBus(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? consumers = null, bool waitUntilStarted = true)
    {
        var url = configuration["RabbitMq:Url"] ?? throw new InvalidOperationException("RabbitMq:Url is not configured.");
        services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            // A lost broker connection is Unhealthy (503), not Degraded. Hosts that consume need the broker to be ready;
            // the API only publishes and keeps taking orders without it (the outbox), so its bus is reported apart.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.MinimalFailureStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy;
                o.Tags.Clear();
                o.Tags.Add(BrokerHealthTag);
                if (waitUntilStarted)
                    o.Tags.Add("ready");
            });
            consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(url));
                cfg.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                cfg.ConfigureEndpoints(context);
            });
        });
        services.AddHealthChecks().AddCheck("rabbitmq", new Health.BrokerReachableCheck(new Uri(url)),
            tags: waitUntilStarted ? [BrokerHealthTag, "ready"] : [BrokerHealthTag]);
        // Where there is a bus there is the order outbox: publish after commit, sweep what stayed unsent.
        services.AddScoped<OrderOutbox>();
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = waitUntilStarted;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return services;
    }
}
