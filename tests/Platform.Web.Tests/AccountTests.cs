using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Identity;
using Platform.Data.Shops;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed partial class AccountTests(PortalFixture fx)
{
    [Fact]
    public async Task Sign_up_creates_a_draft_shop_with_a_slug_from_its_name_and_signs_the_owner_in()
    {
        var client = fx.Anonymous();
        var response = await client.PostFormAsync("/Account/SignUp", new()
        {
            ["ShopName"] = "Пекарня «Колос»", ["OwnerName"] = "Анна", ["Email"] = "anna@kolos.test", ["Password"] = "Kolos-pass-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shop = await fx.InDatabaseAsync(db => db.Tenants.SingleAsync(t => t.Name == "Пекарня «Колос»"));
        Assert.Equal(TenantStatus.Draft, shop.Status);
        Assert.Equal("pekarnya-kolos", shop.Slug);
        var owner = await fx.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "anna@kolos.test"));
        Assert.Equal(shop.Id, owner.TenantId);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Пекарня «Колос»", home);
    }

    [Fact]
    public async Task A_second_shop_with_the_same_name_gets_its_own_slug()
    {
        await fx.Anonymous().PostFormAsync("/Account/SignUp", new() { ["ShopName"] = "Twin Shop", ["Email"] = "twin1@test.local", ["Password"] = "Twin-pass-0001" });
        await fx.Anonymous().PostFormAsync("/Account/SignUp", new() { ["ShopName"] = "Twin Shop", ["Email"] = "twin2@test.local", ["Password"] = "Twin-pass-0002" });

        var slugs = await fx.InDatabaseAsync(db => db.Tenants.Where(t => t.Name == "Twin Shop").Select(t => t.Slug).OrderBy(s => s).ToListAsync());
        Assert.Equal(["twin-shop", "twin-shop-2"], slugs);
    }

    [Fact]
    public async Task Sign_up_with_a_taken_email_saves_nothing_and_says_why()
    {
        var response = await fx.Anonymous().PostFormAsync("/Account/SignUp", new()
        {
            ["ShopName"] = "Duplicate owner shop", ["Email"] = fx.OwnerA.Email!, ["Password"] = "Another-pass-1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Пользователь с таким e-mail уже есть", await response.Content.ReadAsStringAsync());
        Assert.False(await fx.InDatabaseAsync(db => db.Tenants.AnyAsync(t => t.Name == "Duplicate owner shop")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await fx.CreateUserAsync("lockout@test.local", PlatformRoles.Staff, fx.ShopA.Id);
        var client = fx.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/Account/Login", new() { ["Email"] = "lockout@test.local", ["Password"] = "wrong-password-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.PostFormAsync("/Account/Login", new() { ["Email"] = "lockout@test.local", ["Password"] = PortalFixture.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("заблокирован на 15 минут", await right.Content.ReadAsStringAsync());
        var lockoutEnd = await fx.InDatabaseAsync(db => db.Users.Where(u => u.Email == "lockout@test.local").Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_the_one_the_hangfire_dashboard_reads()
    {
        var response = await fx.Anonymous().PostFormAsync("/Account/Login", new() { ["Email"] = fx.OwnerA.Email!, ["Password"] = PortalFixture.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Platform.Auth="));
        Assert.Contains("path=/", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    [Fact]
    public async Task Password_reset_mails_a_link_that_sets_a_new_password()
    {
        await fx.CreateUserAsync("forgetful@test.local", PlatformRoles.Staff, fx.ShopA.Id);
        var client = fx.Anonymous();

        var asked = await client.PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = "forgetful@test.local" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = await LinkFromMailAsync("forgetful@test.local", "/Account/ResetPassword");
        var uri = new Uri(link);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        var reset = await client.PostFormAsync(uri.PathAndQuery, new()
        {
            ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "Brand-new-pass-7",
        });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await fx.SignInAsync("forgetful@test.local", "Brand-new-pass-7");
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var before = Directory.GetFiles(fx.MailFolder).Length;
        var response = await fx.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = "nobody@nowhere.test" });

        Assert.Contains("Если такой адрес зарегистрирован", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Directory.GetFiles(fx.MailFolder).Length);
    }

    [Fact]
    public async Task An_invited_colleague_sets_a_password_through_the_mailed_link_and_works_in_the_owners_shop()
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);
        var invited = await owner.PostFormAsync("/Shop/Team?handler=Invite", new() { ["InviteEmail"] = "new.colleague@test.local", ["InviteRole"] = PlatformRoles.Staff });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var link = await LinkFromMailAsync("new.colleague@test.local", "/Account/AcceptInvite");
        var invitee = fx.Anonymous();
        var page = await invitee.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Contains("new.colleague@test.local", page);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var accepted = await invitee.PostFormAsync(new Uri(link).PathAndQuery, new()
        {
            ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "Colleague-pass-1",
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var catalog = await invitee.GetPageAsync("/Catalog");
        Assert.Contains("shop-a-SKU", catalog);
        var user = await fx.InDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "new.colleague@test.local"));
        Assert.Equal(fx.ShopA.Id, user.TenantId);
        // The link works once.
        var again = await invitee.PostFormAsync(new Uri(link).PathAndQuery, new()
        {
            ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "Colleague-pass-2",
        });
        Assert.Contains("Ссылка устарела", await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/Orders", "/Orders")]
    [InlineData("http://127.0.0.1:5300/hangfire/jobs/failed", "http://127.0.0.1:5300/hangfire/jobs/failed")]
    [InlineData("http://127.0.0.1:5300/hangfire", "http://127.0.0.1:5300/hangfire")]
    [InlineData("https://evil.example/hangfire", "/")]
    [InlineData("http://127.0.0.1:5300/other", "/")]
    [InlineData("http://127.0.0.1:5300@evil.example/hangfire", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task Sign_in_returns_only_to_local_pages_or_the_configured_dashboard(string returnUrl, string expected)
    {
        var response = await fx.Anonymous().PostFormAsync("/Account/Login",
            new() { ["Email"] = PortalFixture.OperatorEmail, ["Password"] = PortalFixture.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("owner-a@test.local")]
    [InlineData("staff-a@test.local")]
    public async Task A_merchant_signing_in_from_the_dashboard_link_lands_on_the_portal_home_with_a_sentence(string email)
    {
        var client = fx.Anonymous();
        var dashboard = "http://127.0.0.1:5300/hangfire/jobs/failed";

        var response = await client.PostFormAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(dashboard),
            new() { ["Email"] = email, ["Password"] = PortalFixture.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("только для операторов и поддержки платформы", await client.GetPageAsync("/"));
        // Already signed in, the same link does not bounce to the dashboard either.
        var again = await client.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(dashboard));
        Assert.Equal("/", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Support_signing_in_from_the_dashboard_link_goes_back_to_the_dashboard()
    {
        var dashboard = "http://127.0.0.1:5300/hangfire/jobs/failed";

        var response = await fx.Anonymous().PostFormAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(dashboard),
            new() { ["Email"] = PortalFixture.SupportEmail, ["Password"] = PortalFixture.Password });

        Assert.Equal(dashboard, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_up_takes_a_cyrillic_e_mail_and_sign_in_finds_it_however_it_is_typed()
    {
        var response = await fx.Anonymous().PostFormAsync("/Account/SignUp", new()
        {
            ["ShopName"] = "Лавка на РФ", ["Email"] = " Иван@Лавка.РФ ", ["Password"] = "Kirillica-pass-1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("иван@лавка.рф", await fx.InDatabaseAsync(db => db.Users.Where(u => u.UserName == "иван@лавка.рф").Select(u => u.Email).SingleAsync()));
        await fx.SignInAsync("ИВАН@ЛАВКА.РФ", "Kirillica-pass-1");
        await fx.SignInAsync("иван@xn--80aaf6ac.xn--p1ai", "Kirillica-pass-1");
    }

    [Fact]
    public async Task An_owner_can_invite_a_colleague_with_a_cyrillic_e_mail()
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);

        var invited = await owner.PostFormAsync("/Shop/Team?handler=Invite", new() { ["InviteEmail"] = "Мария@Пример.рф", ["InviteRole"] = PlatformRoles.Staff });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.True(await fx.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "мария@пример.рф" && u.TenantId == fx.ShopA.Id)));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);
        var response = await client.PostFormAsync("/Account/Logout", new(), page: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/Orders");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_removed_colleague_is_refused_on_the_next_request_even_for_the_buyer_export()
    {
        var (shop, owner) = await fx.NewShopAsync("team-remove");
        var colleague = await fx.CreateUserAsync("leaver@team-remove.test", PlatformRoles.Staff, shop.Id);
        var session = await fx.SignInAsync(colleague.Email!);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Orders?handler=Export")).StatusCode);

        var removed = await owner.PostFormAsync("/Shop/Team?handler=Remove", new() { ["id"] = colleague.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var export = await session.GetAsync("/Orders?handler=Export");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", export.Headers.Location!.ToString());
        Assert.False(await fx.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Id == colleague.Id)));
    }

    [Fact]
    public async Task A_demoted_owner_loses_the_owner_pages_on_the_next_request()
    {
        var (_, owner) = await fx.NewShopAsync("team-demote");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Shop/Team")).StatusCode);

        await using (var scope = fx.Data.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = (await users.FindByEmailAsync("owner@team-demote.test"))!;
            Assert.True((await users.RemoveFromRoleAsync(user, PlatformRoles.Owner)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, PlatformRoles.Staff)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/Shop/Team")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Catalog")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_with_the_old_password()
    {
        await fx.CreateUserAsync("reset-session@test.local", PlatformRoles.Staff, fx.ShopA.Id);
        var oldSession = await fx.SignInAsync("reset-session@test.local");
        await fx.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = "reset-session@test.local" });
        var link = await LinkFromMailAsync("reset-session@test.local", "/Account/ResetPassword");

        var reset = await fx.Anonymous().PostFormAsync(new Uri(link).PathAndQuery, new() { ["Password"] = "Another-new-pass-8" });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/Catalog")).StatusCode);
    }

    private async Task<string> LinkFromMailAsync(string recipient, string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.GetFiles(fx.MailFolder, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == recipient) && message.TextBody is { } text)
                {
                    var match = LinkPattern().Match(text);
                    if (match.Success && match.Value.Contains(path))
                        return match.Value;
                }
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no mail with {path} to {recipient}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
