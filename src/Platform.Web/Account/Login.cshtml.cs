using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Data.Identity;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>
/// Sign-in by e-mail and password; five wrong passwords lock the account for 15 minutes. <see cref="ReturnUrl"/> may be a
/// local path or a page of the Hangfire dashboard (see <see cref="ReturnUrls"/>); anything else leads home.
/// </summary>
public sealed class LoginModel(SignInManager<PlatformUser> signIn, ReturnUrls returnUrls, ILogger<LoginModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; }

    public IActionResult OnGet()
    {
        if (!returnUrls.IsAllowed(ReturnUrl, Url))
            ReturnUrl = null;
        if (User.Identity?.IsAuthenticated == true && ReturnUrl is not null && returnUrls.IsDashboard(ReturnUrl))
            return Redirect(ReturnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Email.Trim();
        if (email.Length == 0 || Password.Length == 0)
        {
            ModelState.AddModelError("", T("Введите e-mail и пароль.", "Enter your e-mail and password."));
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(email, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User signed in");
            return returnUrls.RedirectTo(ReturnUrl, Url);
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused: account locked out");
            ModelState.AddModelError("", T("Слишком много неудачных попыток. Вход заблокирован на 15 минут.",
                "Too many failed attempts. Sign-in is locked for 15 minutes."));
        }
        else
        {
            ModelState.AddModelError("", T("Неверный e-mail или пароль.", "Wrong e-mail or password."));
        }
        return Page();
    }
}
