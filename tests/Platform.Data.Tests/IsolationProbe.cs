using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Tenancy;

namespace Platform.Data.Tests;

/// <summary>Reads every tenant-owned table through a DbContext and records the tenant ids it could see, keyed by run.</summary>
public sealed class IsolationProbe
{
    private static readonly MethodInfo TenantIdsOfMethod = typeof(IsolationProbe).GetMethod(nameof(TenantIdsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public ConcurrentDictionary<string, HashSet<Guid>> SeenByRun { get; } = new();

    public async Task RecordAsync(string run, PlatformDbContext db)
    {
        var seen = new HashSet<Guid>();
        var types = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ITenantOwned).IsAssignableFrom(t)).Distinct();
        foreach (var type in types)
            seen.UnionWith(await (Task<List<Guid>>)TenantIdsOfMethod.MakeGenericMethod(type).Invoke(null, [db])!);
        SeenByRun[run] = seen;
    }

    private static Task<List<Guid>> TenantIdsOf<T>(PlatformDbContext db) where T : class, ITenantOwned =>
        db.Set<T>().AsNoTracking().Select(e => e.TenantId).Distinct().ToListAsync();

    public async Task<HashSet<Guid>> WaitForAsync(string run, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!SeenByRun.ContainsKey(run))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"run {run} did not report within {timeout}");
            await Task.Delay(50);
        }
        return SeenByRun[run];
    }
}
