using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data;
using Platform.Migrations;

namespace Platform.Testing;

/// <summary>
/// A fresh, migrated database for one test class, copied from a template that is migrated once per schema version
/// (the template's name carries the migrations assembly's content-derived MVID), then dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(TestInfrastructure infrastructure)
    {
        var admin = infrastructure.PostgresConnectionString;
        var name = "t_" + Guid.NewGuid().ToString("N")[..20];
        await TemplateLock.WaitAsync();
        try
        {
            var template = await EnsureTemplateAsync(admin);
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            TemplateLock.Release();
        }
        return new TestDatabase(admin, name, WithDatabase(admin, name));
    }

    /// <summary>Configuration a host or a service collection needs to talk to this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Platform"] = ConnectionString,
        ["DataProtection:MasterKey"] = TestSecrets.MasterKey,
    };

    public IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync(string admin)
    {
        var mvid = typeof(MigrationServices).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var template = "tpl_" + mvid;
        if (await ScalarAsync(admin, $"SELECT 1 FROM pg_database WHERE datname = '{template}'") is not null)
            return template;

        var building = template + "_building";
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{building}\"");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = WithDatabase(admin, building),
            ["DataProtection:MasterKey"] = TestSecrets.MasterKey,
        }).Build();
        await using (var services = MigrationServices.Build(config))
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        // Rename only when complete, so a crash mid-migration never leaves a half-built template behind.
        await ExecuteAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
        await DropStaleTemplatesAsync(admin, template);
        return template;
    }

    /// <summary>Templates of older schema versions; one still being copied by another test process stays (DROP without FORCE fails).</summary>
    private static async Task DropStaleTemplatesAsync(string admin, string current)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'tpl\\_%' AND datname NOT LIKE '%\\_building' AND datname <> @current", connection))
        {
            list.Parameters.AddWithValue("current", current);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                stale.Add(reader.GetString(0));
        }
        foreach (var name in stale)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (PostgresException) { }
        }
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = true }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            // An autovacuum worker on the template or the dropped database (it runs as the superuser, so FORCE may not
            // end it, and CREATE ... TEMPLATE refuses while it is there): it finishes within moments.
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

public static class TestSecrets
{
    /// <summary>A fixed Data Protection master key for test hosts (base64 of 32 bytes).</summary>
    public const string MasterKey = "dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmctISE=";
}
