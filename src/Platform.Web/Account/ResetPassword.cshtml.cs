using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Data.Identity;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>The page the reset link opens. A successful reset also lifts a lockout.</summary>
public sealed class ResetPasswordModel(UserManager<PlatformUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
        {
            ModelState.AddModelError("", new BilingualIdentityErrors().InvalidToken().Description);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Description);
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Notice"] = T("Пароль изменён. Войдите с новым паролем.", "Your password has been changed. Sign in with the new one.");
        return LocalRedirect("/Account/Login");
    }
}
