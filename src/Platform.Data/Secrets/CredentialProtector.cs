using Microsoft.AspNetCore.DataProtection;

namespace Platform.Data.Secrets;

/// <summary>
/// Encrypts the Invoicebox token and notification key at rest with ASP.NET Core Data Protection
/// (keys persisted in PostgreSQL, shared by every host). Plaintext leaves this class only to the code that calls Invoicebox.
/// </summary>
public sealed class CredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Platform.Shops.InvoiceboxCredentials.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>What the portal may show of a secret: its last four characters.</summary>
    public static string Hint(string secret) => secret.Length <= 4 ? "••••" : "••••" + secret[^4..];
}
