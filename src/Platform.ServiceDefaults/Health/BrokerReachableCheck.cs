using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// Can this host reach RabbitMQ at all (a TCP connect with a short timeout)? MassTransit's own check follows its
/// receive endpoints, so a publish-only host (the API) would stay "healthy" with the broker gone.
/// </summary>
public sealed class BrokerReachableCheck(Uri amqp) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(amqp.Host, amqp.IsDefaultPort ? 5672 : amqp.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {amqp.Host}:{amqp.Port} is unreachable.");
        }
    }
}
