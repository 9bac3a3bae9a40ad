using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Web.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "no-reply@platform.local";
    public string FromName { get; set; } = "Платформа мини-приложений";

    /// <summary>Without an SMTP host, messages are written here as .eml files (relative paths: under the repository, else the content root).</summary>
    public string Folder { get; set; } = ".local/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty = no SMTP: write messages to <see cref="MailOptions.Folder"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>StartTls</c>, <c>SslOnConnect</c>, <c>None</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "StartTls";
    public string? User { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>A message the portal sends: password resets and staff invites.</summary>
public sealed record PortalMessage(string To, string Subject, string Text, string Html);

/// <summary>
/// Sends portal e-mail with MailKit over SMTP, or — when no SMTP host is configured (development, tests) — writes each
/// message as an .eml file and logs it, so a developer can open the link without a mail server.
/// </summary>
public sealed class PortalMailer(IOptions<MailOptions> options, IWebHostEnvironment environment, ILogger<PortalMailer> log, TimeProvider time)
{
    public async Task SendAsync(PortalMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = time.GetUtcNow();
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var folder = MailFolder();
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, ct);
            // Development delivery: the text (with its link) goes to the log so the developer can follow it.
            log.LogInformation("Mail \"{Subject}\" to {Recipient} written to {Path}:\n{Text}", message.Subject, Mask(message.To), path, message.Text);
            return;
        }

        using var smtp = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        var security = Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Smtp.User))
            await smtp.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", ct);
        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(quit: true, ct);
        log.LogInformation("Mail \"{Subject}\" sent to {Recipient}", message.Subject, Mask(message.To));
    }

    /// <summary>Where folder delivery writes: an absolute <see cref="MailOptions.Folder"/>, else under the repository root or the content root.</summary>
    public string MailFolder()
    {
        var folder = options.Value.Folder;
        if (Path.IsPathRooted(folder))
            return folder;
        var root = environment.ContentRootPath;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.slnx")))
                return Path.Combine(dir.FullName, folder);
        return Path.Combine(root, folder);
    }

    private static string Mask(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : email[..1] + "***" + email[at..];
    }
}
