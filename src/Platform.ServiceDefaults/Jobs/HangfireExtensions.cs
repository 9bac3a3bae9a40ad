using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;

namespace Platform.ServiceDefaults.Jobs;

public static class HangfireExtensions
{
    public const string Schema = "hangfire";

    /// <summary>
    /// Hangfire storage in PostgreSQL (schema <c>hangfire</c>) with the tenant job filter. Enough to enqueue jobs
    /// (the portal's "re-check now"); the workers add the server. Poll intervals are explicit: the default 15 s makes
    /// jobs late.
    /// </summary>
    public static IServiceCollection AddPlatformHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName)!;
        // Hangfire keeps filters in a process-wide list; register ours once even when several hosts share a process (tests).
        lock (GlobalJobFilters.Filters)
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is TenantJobFilter))
                GlobalJobFilters.Filters.Add(new TenantJobFilter());
        var pollInterval = configuration.GetValue("Hangfire:QueuePollInterval", TimeSpan.FromSeconds(1));
        services.AddHangfire(cfg => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = pollInterval,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                DistributedLockTimeout = TimeSpan.FromSeconds(30),
            }));
        return services;
    }
}
