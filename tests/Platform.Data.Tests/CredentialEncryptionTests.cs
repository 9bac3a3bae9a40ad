using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data.Secrets;
using Platform.Data.Tenancy;
using Platform.Testing;

namespace Platform.Data.Tests;

public sealed class CredentialEncryptionTests(TwoTenantsFixture fx) : IClassFixture<TwoTenantsFixture>
{
    [Fact]
    public async Task Token_and_notification_key_are_not_stored_in_plaintext()
    {
        var rawRows = await ReadRawAsync("""SELECT "ProtectedToken" || ' ' || "ProtectedNotificationKey" || ' ' || "TokenHint" || ' ' || "NotificationKeyHint" FROM app."InvoiceboxSettings" """);

        Assert.Equal(2, rawRows.Count);
        foreach (var secret in new[] { "token-of-shop-a-7f3b9c1d2e4a5b6c", "notification-key-of-shop-a", "token-of-shop-b-0a1b2c3d4e5f6a7b", "notification-key-of-shop-b" })
            Assert.DoesNotContain(rawRows, row => row.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stored_secrets_decrypt_back_for_their_tenant()
    {
        var token = await fx.Services.GetRequiredService<TenantScopeFactory>().RunAsync(fx.A.Id, async sp =>
        {
            var settings = await sp.GetRequiredService<PlatformDbContext>().InvoiceboxSettings.SingleAsync();
            return sp.GetRequiredService<CredentialProtector>().Unprotect(settings.ProtectedToken);
        });

        Assert.Equal("token-of-shop-a-7f3b9c1d2e4a5b6c", token);
    }

    [Fact]
    public async Task The_key_ring_in_the_database_is_encrypted_with_the_master_key()
    {
        var keys = await ReadRawAsync("""SELECT "Xml" FROM app."DataProtectionKeys" """);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml); // the plaintext element Data Protection writes when unencrypted
        });
    }

    [Fact]
    public async Task A_master_key_that_does_not_decrypt_the_stored_key_ring_is_refused_and_the_right_one_passes()
    {
        await using var scope = fx.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        var right = Convert.FromBase64String(TestSecrets.MasterKey);
        var other = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        await MasterKeyCheck.VerifyAsync(db, right, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => MasterKeyCheck.VerifyAsync(db, other, CancellationToken.None));

        Assert.Contains("was set up with another master key", refused.Message);
        Assert.DoesNotContain(TestSecrets.MasterKey, refused.Message);
    }

    [Fact]
    public async Task A_host_with_another_master_key_does_not_start_and_adds_no_key_to_the_ring()
    {
        var before = await ReadRawAsync("""SELECT "Xml" FROM app."DataProtectionKeys" """);
        var settings = fx.Database.Settings();
        settings["DataProtection:MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPlatformData(builder.Configuration);
        using var host = builder.Build();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal(before, await ReadRawAsync("""SELECT "Xml" FROM app."DataProtectionKeys" """));
    }

    [Fact]
    public void Hints_show_only_the_last_four_characters()
    {
        Assert.Equal("••••6c2f", CredentialProtector.Hint("0123456789abcdef6c2f"));
        Assert.Equal("••••", CredentialProtector.Hint("abc"));
    }

    private async Task<List<string>> ReadRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fx.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
