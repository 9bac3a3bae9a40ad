using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Data.Identity;

namespace Platform.Web.Account;

/// <summary>The page an invite link opens: the invitee sets a password and is signed in.</summary>
public sealed class AcceptInviteModel(UserManager<PlatformUser> users, StaffInvites invites, SignInManager<PlatformUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
            return NotFound();
        // Show whose account this is only to someone holding a valid, unused link.
        if (await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, InviteTokenProviderOptions.ProviderName, InviteTokenProviderOptions.Purpose, Token))
            ModelState.AddModelError("", new BilingualIdentityErrors().InvalidToken().Description);
        else
            Email = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
            return NotFound();
        Email = user.Email ?? "";
        var errors = await invites.AcceptAsync(user, Token, Password);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                ModelState.AddModelError("", error.Description);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }
}
