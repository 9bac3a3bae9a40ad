using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Secrets;
using Platform.Invoicebox;

namespace Platform.ServiceDefaults.Invoicebox;

/// <summary>The Invoicebox client of the current tenant, built from its stored credentials (decrypted only here).</summary>
public sealed class TenantInvoicebox(PlatformDbContext db, CredentialProtector protector, IInvoiceboxClientFactory factory)
{
    /// <returns>Null when the tenant has not entered complete credentials.</returns>
    public async Task<IInvoiceboxClient?> ClientAsync(CancellationToken ct)
    {
        var settings = await db.InvoiceboxSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        if (settings is not { IsComplete: true })
            return null;
        return factory.Create(new InvoiceboxCredentials(settings.ApiBaseUrl, settings.ApiPrefix, settings.MerchantId, protector.Unprotect(settings.ProtectedToken)));
    }
}
