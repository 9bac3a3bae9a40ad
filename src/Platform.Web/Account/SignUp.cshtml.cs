using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Data.Identity;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>Sign-up: a draft shop and its owner, then straight into the portal.</summary>
public sealed class SignUpModel(ShopSignUp signUp, SignInManager<PlatformUser> signIn) : PageModel
{
    [BindProperty] public string ShopName { get; set; } = "";
    [BindProperty] public string OwnerName { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ShopName = ShopName.Trim();
        OwnerName = OwnerName.Trim();
        Email = Email.Trim();
        if (ShopName.Length == 0)
            ModelState.AddModelError(nameof(ShopName), T("Назовите магазин.", "Name the shop."));
        else if (ShopName.Length > 200)
            ModelState.AddModelError(nameof(ShopName), T("Не длиннее 200 символов.", "At most 200 characters."));
        if (OwnerName.Length > 100)
            ModelState.AddModelError(nameof(OwnerName), T("Не длиннее 100 символов.", "At most 100 characters."));
        if (AccountEmail.Normalize(Email) is { } email)
            Email = email;
        else
            ModelState.AddModelError(nameof(Email), T("Неверный адрес e-mail.", "The e-mail address is not valid."));
        if (string.IsNullOrWhiteSpace(Password))
            ModelState.AddModelError(nameof(Password), T("Придумайте пароль: не короче 10 символов и не из одних пробелов.",
                "Choose a password: at least 10 characters, not only spaces."));
        if (!ModelState.IsValid)
            return Page();

        var (owner, errors) = await signUp.CreateAsync(new SignUpRequest(ShopName, OwnerName, Email, Password, Language), ct);
        if (owner is null)
        {
            foreach (var error in errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? nameof(Password) : error.Code.Contains("Email") || error.Code.Contains("UserName") ? nameof(Email) : "", error.Description);
            return Page();
        }
        await signIn.SignInAsync(owner, isPersistent: false);
        TempData["Notice"] = T("Магазин создан. Заполните настройки и каталог, затем запустите его.", "The shop is created. Fill in the settings and the catalog, then launch it.");
        return LocalRedirect("/");
    }
}
