using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data.Buyers;
using Platform.Data.Orders;
using Platform.Data.Secrets;
using Platform.Data.Tenancy;

namespace Platform.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Platform";
    public const string MigrationsAssembly = "Platform.Migrations";

    /// <summary>EF Core on PostgreSQL, the tenancy layer, Data Protection keys in PostgreSQL and the credential protector.</summary>
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddDbContext<PlatformDbContext>((sp, o) => ConfigureNpgsql(o, sp.GetRequiredService<NpgsqlDataSource>()));

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<TenantScopeFactory>();
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TenantStore>();
        services.AddScoped<TenantChangeNotifier>();
        services.AddHostedService<MasterKeyCheck>();
        services.AddHostedService<TenantChangeListener>();

        // One application name and one key ring for every host, so secrets encrypted by the portal decrypt in the workers
        // and the portal's sign-in cookie is valid on the Hangfire dashboard.
        var masterKey = configuration.GetSection("DataProtection").Get<MasterKeyOptions>() ?? new MasterKeyOptions();
        if (masterKey.MasterKey.Length == 0)
            throw new InvalidOperationException("DataProtection:MasterKey is not configured; secrets must not be stored unencrypted.");
        services.Configure<MasterKeyOptions>(configuration.GetSection("DataProtection"));
        services.AddDataProtection().SetApplicationName("Platform").PersistKeysToDbContext<PlatformDbContext>();
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey.KeyBytes()));
        services.AddSingleton<CredentialProtector>();
        services.AddSingleton<BuyerTokens>();
        services.Configure<PublicUrlOptions>(configuration.GetSection("PublicUrls"));
        services.AddSingleton<PublicUrls>();
        services.AddScoped<OrderStateStore>();
        return services;
    }

    public static DbContextOptionsBuilder ConfigureNpgsql(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, n => n
            .MigrationsAssembly(MigrationsAssembly)
            .MigrationsHistoryTable("__EFMigrationsHistory", PlatformDbContext.Schema));
}
