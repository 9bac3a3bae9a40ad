using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using Platform.Data;
using Platform.Data.Tenancy;

namespace Platform.Migrations;

/// <summary>Lets <c>dotnet ef</c> build the model; the connection string comes from the environment.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Platform")
            ?? "Host=127.0.0.1;Port=55432;Database=platform;Username=platform;Password=platform";
        var options = DataServiceCollectionExtensions.ConfigureNpgsql(new DbContextOptionsBuilder<PlatformDbContext>(), new NpgsqlDataSourceBuilder(cs).Build());
        return new PlatformDbContext((DbContextOptions<PlatformDbContext>)options.Options, new TenantContext());
    }
}
