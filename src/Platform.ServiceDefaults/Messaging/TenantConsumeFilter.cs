using MassTransit;
using Platform.Data.Tenancy;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Scoped consume filter: every message must name its tenant (<see cref="ITenantMessage"/>), and the consumer's scope acts
/// for that tenant. A message without one is refused (it goes to the error queue) instead of running with no isolation.
/// </summary>
public sealed class TenantConsumeFilter<T>(TenantContext tenant) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is not ITenantMessage { TenantId: var tenantId } || tenantId == Guid.Empty)
            throw new TenantIsolationException($"{typeof(T).Name} carries no tenant id.");
        tenant.Use(tenantId);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant");
}
