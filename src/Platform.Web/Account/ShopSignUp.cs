using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Data.Shops;

namespace Platform.Web.Account;

public sealed record SignUpRequest(string ShopName, string OwnerName, string Email, string Password, string Locale);

/// <summary>Sign-up: a new <see cref="TenantStatus.Draft"/> shop with a unique slug, and its owner, in one transaction.</summary>
public sealed class ShopSignUp(PlatformDbContext db, UserManager<PlatformUser> users, PortalRoles roles, TimeProvider time)
{
    /// <returns>The new owner, or Identity's errors (nothing is saved then).</returns>
    public async Task<(PlatformUser? Owner, IReadOnlyList<IdentityError> Errors)> CreateAsync(SignUpRequest request, CancellationToken ct)
    {
        await roles.EnsureAsync(PlatformRoles.Owner);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var tenant = new Tenant
            {
                Name = request.ShopName, DisplayName = request.ShopName, Slug = await ShopSlugs.UniqueAsync(db, request.ShopName, ct),
                DefaultLocale = request.Locale, Status = TenantStatus.Draft, CreatedAt = now,
            };
            db.Tenants.Add(tenant);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (attempt < 5 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two sign-ups took the same slug at once; pick again.
                db.ChangeTracker.Clear();
                continue;
            }

            var owner = new PlatformUser
            {
                UserName = request.Email, Email = request.Email, TenantId = tenant.Id, DisplayName = request.OwnerName,
                PreferredLocale = request.Locale,
            };
            var created = await users.CreateAsync(owner, request.Password);
            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                return (null, created.Errors.ToList());
            }
            var role = await users.AddToRoleAsync(owner, PlatformRoles.Owner);
            if (!role.Succeeded)
            {
                db.ChangeTracker.Clear();
                return (null, role.Errors.ToList());
            }
            await transaction.CommitAsync(ct);
            return (owner, []);
        }
    }
}
