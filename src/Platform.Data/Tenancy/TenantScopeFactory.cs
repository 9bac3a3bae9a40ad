using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data.Tenancy;

/// <summary>Runs a piece of code "as tenant X": a fresh DI scope whose <see cref="TenantContext"/> is set to that tenant.</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public async Task RunAsync(Guid tenantId, Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        await work(scope.ServiceProvider);
    }

    public async Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        return await work(scope.ServiceProvider);
    }
}
