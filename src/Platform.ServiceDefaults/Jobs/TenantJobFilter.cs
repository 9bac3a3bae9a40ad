using System.Reflection;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Platform.Data.Tenancy;

namespace Platform.ServiceDefaults.Jobs;

/// <summary>Marks a job that deliberately runs for no single tenant (a dispatcher that enqueues one job per tenant).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcrossTenantsAttribute : Attribute;

/// <summary>
/// Every Hangfire job takes <c>Guid tenantId</c> as a required argument, or is marked <see cref="AcrossTenantsAttribute"/>;
/// anything else is refused when it is enqueued. While a tenant job runs, <see cref="AmbientTenant"/> is that tenant, so
/// the job's DbContext filters by it.
/// </summary>
public sealed class TenantJobFilter : JobFilterAttribute, IClientFilter, IServerFilter
{
    private const string ScopeKey = "platform:tenant-scope";

    public void OnCreating(CreatingContext context)
    {
        var method = context.Job.Method;
        if (method.GetCustomAttribute<AcrossTenantsAttribute>() is not null)
            return;
        if (TenantIdOf(context.Job) is null)
            throw new TenantIsolationException($"Job {method.DeclaringType?.Name}.{method.Name} must take a non-empty Guid tenantId.");
    }

    public void OnCreated(CreatedContext context) { }

    public void OnPerforming(PerformingContext context)
    {
        // Set (or explicitly clear) the tenant for every job: a worker thread must never carry the previous job's tenant.
        var job = context.BackgroundJob.Job;
        Guid? tenantId = job.Method.GetCustomAttribute<AcrossTenantsAttribute>() is not null
            ? null
            : TenantIdOf(job) ?? throw new TenantIsolationException($"Job {context.BackgroundJob.Id} carries no tenant id.");
        context.Items[ScopeKey] = AmbientTenant.Use(tenantId);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(ScopeKey, out var scope))
            ((IDisposable)scope).Dispose();
    }

    private static Guid? TenantIdOf(Job job)
    {
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
            if (parameters[i].Name == "tenantId" && job.Args[i] is Guid id && id != Guid.Empty)
                return id;
        return null;
    }
}
