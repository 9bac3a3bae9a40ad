using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>The owner's team page: invite by e-mail, resend, remove. People of other shops are invisible (404).</summary>
[Authorize(Policy = PortalPolicies.Owner)]
public sealed class TeamModel(PlatformDbContext db, ITenantContext tenant, StaffInvites invites, UserManager<PlatformUser> users,
    ILogger<TeamModel> log) : PageModel
{
    public IReadOnlyList<TeamMember> Members { get; private set; } = [];
    public Guid CurrentUserId { get; private set; }

    [BindProperty] public string InviteEmail { get; set; } = "";
    [BindProperty] public string InviteRole { get; set; } = PlatformRoles.Staff;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var email = AccountEmail.Normalize(InviteEmail) ?? "";
        if (email.Length == 0)
            ModelState.AddModelError(nameof(InviteEmail), T("Неверный адрес e-mail.", "The e-mail address is not valid."));
        if (ModelState.IsValid)
        {
            var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
            var errors = await invites.InviteAsync(shop.Id, shop.DisplayName, email, InviteRole, AcceptUrl, ct);
            foreach (var error in errors)
                ModelState.AddModelError(nameof(InviteEmail), error.Description);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        TempData["Notice"] = T($"Приглашение отправлено на {email}.", $"The invitation has been sent to {email}.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        var user = await FindMemberAsync(id);
        if (user is null)
            return NotFound();
        if (await users.HasPasswordAsync(user))
            return RedirectToPage();
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        await invites.SendAsync(user, shop.DisplayName, AcceptUrl, ct);
        TempData["Notice"] = T("Приглашение отправлено ещё раз.", "The invitation has been sent again.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        var user = await FindMemberAsync(id);
        if (user is null)
            return NotFound();
        if (user.Id == CurrentUserIdOf())
        {
            TempData["Problem"] = T("Нельзя удалить самого себя.", "You cannot remove yourself.");
            return RedirectToPage();
        }
        // A new stamp first: even if the delete failed, the colleague's open sessions end with their next request.
        await users.UpdateSecurityStampAsync(user);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            log.LogError("Removing user {UserId} from tenant {TenantId} failed: {Errors}", user.Id, user.TenantId,
                string.Join("; ", deleted.Errors.Select(e => e.Code)));
            TempData["Problem"] = T("Не удалось удалить доступ. Попробуйте ещё раз.", "Access could not be removed. Please try again.");
            return RedirectToPage();
        }
        TempData["Notice"] = T("Доступ удалён.", "Access removed.");
        return RedirectToPage();
    }

    private async Task<PlatformUser?> FindMemberAsync(Guid id)
    {
        var tenantId = tenant.RequireTenantId();
        var user = await users.FindByIdAsync(id.ToString());
        return user?.TenantId == tenantId ? user : null;
    }

    private Guid CurrentUserIdOf() => Guid.TryParse(users.GetUserId(User), out var id) ? id : Guid.Empty;

    private string AcceptUrl(PlatformUser user, string token) =>
        Url.Page("/Account/AcceptInvite", null, new { userId = user.Id, token }, Request.Scheme)!;

    private async Task LoadAsync(CancellationToken ct)
    {
        CurrentUserId = CurrentUserIdOf();
        Members = await invites.TeamAsync(tenant.RequireTenantId(), ct);
    }
}
