using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Data.Identity;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>
/// Sign-in by e-mail and password; five wrong passwords lock the account for 15 minutes. <see cref="ReturnUrl"/> may be a
/// local path or a page of the Hangfire dashboard (see <see cref="ReturnUrls"/>); anything else leads home. Only operators
/// and support go on to the dashboard: a merchant would meet a bare 403 there, so they land on the portal's start page
/// with a sentence saying why.
/// </summary>
public sealed class LoginModel(SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, ReturnUrls returnUrls, ILogger<LoginModel> log)
    : PageModel
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
            return User.IsConsoleUser() ? Redirect(ReturnUrl) : HomeWithoutDashboard();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || Password.Length == 0)
        {
            ModelState.AddModelError("", T("Введите e-mail и пароль.", "Enter your e-mail and password."));
            return Page();
        }
        var user = await AccountEmail.FindAsync(users, Email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user!.Id);
            if (ReturnUrl is not null && returnUrls.IsDashboard(ReturnUrl)
                && !await users.IsInRoleAsync(user, PlatformRoles.Operator) && !await users.IsInRoleAsync(user, PlatformRoles.Support))
                return HomeWithoutDashboard();
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

    private LocalRedirectResult HomeWithoutDashboard()
    {
        TempData["Problem"] = T("Панель фоновых задач (Hangfire) — только для операторов и поддержки платформы. Вы вошли в кабинет магазина.",
            "The background jobs dashboard (Hangfire) is for the platform's operators and support only. You are signed in to the shop portal.");
        return LocalRedirect("/");
    }
}
