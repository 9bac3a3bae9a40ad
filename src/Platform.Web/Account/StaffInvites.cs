using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Web.Mail;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>
/// An owner invites a colleague by e-mail: we create the account without a password, in the owner's shop and with the
/// chosen role, and mail a week-long link where the invitee sets a password. Until then the account cannot sign in.
/// </summary>
public sealed class StaffInvites(UserManager<PlatformUser> users, PortalRoles roles, PortalMailer mailer, PlatformDbContext db)
{
    public static readonly string[] InvitableRoles = [PlatformRoles.Owner, PlatformRoles.Staff];

    public async Task<IReadOnlyList<IdentityError>> InviteAsync(Guid tenantId, string shopName, string email, string role,
        Func<PlatformUser, string, string> acceptUrl, CancellationToken ct)
    {
        if (!InvitableRoles.Contains(role))
            return [new IdentityError { Code = "role", Description = T("Неизвестная роль.", "Unknown role.") }];
        await roles.EnsureAsync(role);
        var user = new PlatformUser { UserName = email, Email = email, TenantId = tenantId, DisplayName = email.Split('@')[0] };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return created.Errors.ToList();
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
            return added.Errors.ToList();
        await transaction.CommitAsync(ct);
        await SendAsync(user, shopName, acceptUrl, ct);
        return [];
    }

    public async Task SendAsync(PlatformUser user, string shopName, Func<PlatformUser, string, string> acceptUrl, CancellationToken ct)
    {
        var token = await users.GenerateUserTokenAsync(user, InviteTokenProviderOptions.ProviderName, InviteTokenProviderOptions.Purpose);
        var url = acceptUrl(user, token);
        await mailer.SendAsync(new PortalMessage(
            user.Email!,
            T($"Приглашение в магазин «{shopName}»", $"Invitation to the shop “{shopName}”"),
            T($"Вас пригласили в кабинет магазина «{shopName}». Задайте пароль по ссылке (действует 7 дней):\n{url}\n",
              $"You are invited to the admin portal of “{shopName}”. Set your password here (valid for 7 days):\n{url}\n"),
            T($"<p>Вас пригласили в кабинет магазина «{HtmlEncoder.Default.Encode(shopName)}».</p><p><a href=\"{HtmlEncoder.Default.Encode(url)}\">Задать пароль</a> (ссылка действует 7 дней).</p>",
              $"<p>You are invited to the admin portal of “{HtmlEncoder.Default.Encode(shopName)}”.</p><p><a href=\"{HtmlEncoder.Default.Encode(url)}\">Set your password</a> (the link is valid for 7 days).</p>")), ct);
    }

    /// <summary>Sets the invitee's password if the link is valid and still unused; the account becomes usable.</summary>
    public async Task<IReadOnlyList<IdentityError>> AcceptAsync(PlatformUser user, string token, string password)
    {
        if (await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, InviteTokenProviderOptions.ProviderName, InviteTokenProviderOptions.Purpose, token))
            return [new BilingualIdentityErrors().InvalidToken()];
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
            return result.Errors.ToList();
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return [];
    }

    /// <summary>The people of one shop, owners first.</summary>
    public async Task<IReadOnlyList<TeamMember>> TeamAsync(Guid tenantId, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, HasPassword = u.PasswordHash != null, u.LockoutEnd })
            .ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               join u in db.Users on ur.UserId equals u.Id
                               where u.TenantId == tenantId
                               select new { ur.UserId, r.Name }).ToListAsync(ct);
        return people
            .Select(p => new TeamMember(p.Id, p.Email ?? "", p.DisplayName,
                roleNames.FirstOrDefault(r => r.UserId == p.Id)?.Name ?? PlatformRoles.Staff, !p.HasPassword))
            .OrderBy(m => m.Role == PlatformRoles.Owner ? 0 : 1).ThenBy(m => m.Email).ToList();
    }
}

public sealed record TeamMember(Guid Id, string Email, string DisplayName, string Role, bool InvitePending);
