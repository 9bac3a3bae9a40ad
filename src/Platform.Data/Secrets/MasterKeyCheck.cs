using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Platform.Data.Secrets;

/// <summary>
/// Refuses to start against a database whose Data Protection key ring was written with another master key. Data
/// Protection itself would quietly add a fresh key there, and every stored Invoicebox token and notification key (and
/// every sign-in cookie) would stop decrypting — in every host sharing the database. Runs in the migrator and as the
/// first hosted service of each host; a host waits up to a minute for PostgreSQL to answer, then does not start.
/// </summary>
public sealed class MasterKeyCheck(IServiceScopeFactory scopes, IOptions<MasterKeyOptions> options, ILogger<MasterKeyCheck> log) : IHostedService
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);
    private const int Attempts = 30;

    public async Task StartAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await VerifyAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), options.Value.KeyBytes(), ct);
                return;
            }
            // EF Core reports a refused connection as an InvalidOperationException around the transient NpgsqlException.
            catch (Exception e) when ((e as NpgsqlException ?? e.InnerException as NpgsqlException) is { IsTransient: true } && attempt < Attempts)
            {
                log.LogWarning("PostgreSQL did not answer the master key check (attempt {Attempt} of {Attempts})", attempt, Attempts);
                await Task.Delay(RetryEvery, ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Passes when the key ring is empty (or its table does not exist yet: a new database) or at least one of its
    /// encrypted keys decrypts with <paramref name="masterKey"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">None of them does.</exception>
    public static async Task VerifyAsync(PlatformDbContext db, byte[] masterKey, CancellationToken ct)
    {
        var table = $"{PlatformDbContext.Schema}.\"DataProtectionKeys\"";
        if (!await db.Database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").SingleAsync(ct))
            return;
        var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(ct);
        var encrypted = ring.OfType<string>().SelectMany(xml => XElement.Parse(xml).Descendants("encryptedKey")).ToList();
        if (encrypted.Count == 0 || encrypted.Any(e => Decrypts(e, masterKey)))
            return;
        throw new InvalidOperationException(
            "DataProtection:MasterKey does not decrypt the Data Protection key ring stored in this database: it was set up with " +
            "another master key. Start with the master key this database was created with (./run.sh keeps it in .local/master.key " +
            "of the checkout that created the database), or point ConnectionStrings:Platform at another database.");
    }

    private static bool Decrypts(XElement encryptedKey, byte[] masterKey)
    {
        try
        {
            MasterKeyXmlDecryptor.Decrypt(encryptedKey, masterKey);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
