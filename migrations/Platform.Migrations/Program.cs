using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Data.Secrets;
using Platform.Migrations;

// Usage: Platform.Migrations migrate [--seed-demo]
// Applies every EF Core migration to ConnectionStrings:Platform (env ConnectionStrings__Platform); with --seed-demo
// also creates the demo shops and logins once (a second run finds them and changes nothing).
if (args.Length == 0 || args[0] != "migrate")
{
    Console.Error.WriteLine("usage: Platform.Migrations migrate [--seed-demo]");
    return 2;
}

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

await using var services = MigrationServices.Build(configuration);
await using var scope = services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
// Before anything is written: a database set up with another master key is left exactly as it is.
try
{
    await MasterKeyCheck.VerifyAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<MasterKeyOptions>>().Value.KeyBytes(), CancellationToken.None);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
await db.Database.MigrateAsync();
Console.WriteLine("Migrations applied.");

if (args.Contains("--seed-demo"))
    await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None);
return 0;

namespace Platform.Migrations
{
    public static class MigrationServices
    {
        /// <summary>The services the migrator and the demo seed need; tests use it to migrate their own databases.</summary>
        public static ServiceProvider Build(IConfiguration configuration)
        {
            var services = new ServiceCollection();
            services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
                // The first run probes for a history table that does not exist yet; EF logs that as an error.
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
            services.AddSingleton(configuration);
            services.AddPlatformData(configuration);
            services.AddIdentityCore<PlatformUser>()
                .AddRoles<IdentityRole<Guid>>()
                .AddEntityFrameworkStores<PlatformDbContext>();
            services.Configure<DemoOptions>(configuration.GetSection("Demo"));
            services.AddScoped<DemoSeed>();
            return services.BuildServiceProvider();
        }
    }
}
