namespace Platform.Data.Tenancy;

/// <summary>The tenant the current unit of work (request, message, job) acts for. Null means none: nothing is readable or writable.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
}

/// <summary>
/// Scoped holder of the current tenant. Set once per scope; a second, different tenant in the same scope is a bug and throws.
/// Falls back to <see cref="AmbientTenant"/>, which job filters set around a job's execution.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    private Guid? _tenantId;

    public Guid? TenantId => _tenantId ?? AmbientTenant.Current;

    public void Use(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
            throw new ArgumentException("An empty tenant id is not a tenant.", nameof(tenantId));
        if (_tenantId is { } current && current != tenantId)
            throw new InvalidOperationException("This scope already acts for another tenant.");
        _tenantId = tenantId;
    }
}

/// <summary>The tenant of the code running on this async flow, for hosts that cannot reach the DI scope (Hangfire job filters).</summary>
public static class AmbientTenant
{
    private static readonly AsyncLocal<Guid?> Value = new();

    public static Guid? Current => Value.Value;

    /// <summary>Sets the ambient tenant (null: explicitly none) until the returned scope is disposed.</summary>
    public static IDisposable Use(Guid? tenantId)
    {
        if (tenantId == Guid.Empty)
            throw new ArgumentException("An empty tenant id is not a tenant.", nameof(tenantId));
        var previous = Value.Value;
        Value.Value = tenantId;
        return new Restore(previous);
    }

    private sealed class Restore(Guid? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
