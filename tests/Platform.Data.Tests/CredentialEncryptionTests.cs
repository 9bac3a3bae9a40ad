using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Data.Secrets;
using Platform.Data.Tenancy;

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
