using Microsoft.AspNetCore.Identity;
using Platform.Data.Identity;
using Platform.Domain.Buyers;

namespace Platform.Web.Account;

/// <summary>
/// A merchant's e-mail (their user name) is checked and written the way buyers' are (<see cref="BuyerEmail"/>): one
/// bare address, lower case, the domain in Unicode — <c>иван@пример.рф</c> is as good as <c>ivan@example.ru</c>.
/// </summary>
public static class AccountEmail
{
    /// <summary>The address as it is stored, or null when it is not a usable e-mail address.</summary>
    public static string? Normalize(string? input) => BuyerEmail.Normalize(input) is { IsValid: true } email ? email.Value.Address : null;

    /// <summary>The account of an address however it is typed (case, punycode or Unicode domain).</summary>
    public static async Task<PlatformUser?> FindAsync(UserManager<PlatformUser> users, string input)
    {
        if (BuyerEmail.Normalize(input) is not { IsValid: true } email)
            return string.IsNullOrWhiteSpace(input) ? null : await users.FindByNameAsync(input.Trim());
        // Accounts made before e-mails were normalized may hold the punycode form.
        return await users.FindByNameAsync(email.Value.Address) ?? await users.FindByNameAsync(email.Value.AsciiAddress);
    }
}
