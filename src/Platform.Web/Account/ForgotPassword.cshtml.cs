using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Data.Identity;
using Platform.Web.Mail;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Account;

/// <summary>Mails a password-reset link. The answer is the same whether or not the address exists (no account probing).</summary>
public sealed class ForgotPasswordModel(UserManager<PlatformUser> users, PortalMailer mailer) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), T("Введите e-mail.", "Enter your e-mail."));
            return Page();
        }
        var user = await AccountEmail.FindAsync(users, Email);
        // Invited people who never set a password use their invite link instead.
        if (user is not null && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var url = Url.Page("/Account/ResetPassword", null, new { userId = user.Id, token }, Request.Scheme)!;
            await mailer.SendAsync(new PortalMessage(user.Email!,
                T("Смена пароля", "Password reset"),
                T($"Чтобы задать новый пароль, откройте ссылку (действует 3 часа):\n{url}\nЕсли вы не просили сменить пароль, просто удалите это письмо.\n",
                  $"To set a new password, open this link (valid for 3 hours):\n{url}\nIf you did not ask for this, just delete this message.\n"),
                T($"<p>Чтобы задать новый пароль, <a href=\"{HtmlEncoder.Default.Encode(url)}\">откройте ссылку</a> (действует 3 часа).</p><p>Если вы не просили сменить пароль, просто удалите это письмо.</p>",
                  $"<p>To set a new password, <a href=\"{HtmlEncoder.Default.Encode(url)}\">open this link</a> (valid for 3 hours).</p><p>If you did not ask for this, just delete this message.</p>")), ct);
        }
        Sent = true;
        return Page();
    }
}
