using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Platform.Data.Tenancy;

/// <summary>Thrown when code writes tenant-owned rows without a tenant, or rows of another tenant.</summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);

/// <summary>Stamps new tenant-owned rows with the current tenant and refuses writes that cross tenants.</summary>
internal static class TenantWriteGuard
{
    public static void Apply(ChangeTracker changes, Guid? currentTenant)
    {
        foreach (var entry in changes.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;

            if (currentTenant is not { } tenantId)
                throw new TenantIsolationException($"Writing {entry.Metadata.ClrType.Name} requires a current tenant.");

            switch (entry.State)
            {
                case EntityState.Added:
                    if (entry.Entity.TenantId == Guid.Empty)
                        entry.Entity.TenantId = tenantId;
                    else if (entry.Entity.TenantId != tenantId)
                        throw new TenantIsolationException($"A new {entry.Metadata.ClrType.Name} names another tenant.");
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    var original = entry.Property(e => e.TenantId).OriginalValue;
                    if (original != tenantId || entry.Entity.TenantId != tenantId)
                        throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} belongs to another tenant.");
                    break;
            }
        }
    }
}
