using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Data.Identity;
using Platform.Migrations;
using Platform.Testing;
using Platform.Web;

namespace Platform.BrowserTests.Portal;

/// <summary>
/// The merchant portal alone on a real loopback port (Kestrel, as browsers meet it), on a database of its own with a
/// few shops — one with long names, as the operator console must fit them — an owner and an operator; and a Chromium.
/// </summary>
public sealed class PortalPagesFixture : IAsyncLifetime
{
    public const string Password = "Browser-pass-2026";
    public const string OwnerEmail = "owner@browser.test";
    public const string OperatorEmail = "operator@browser.test";

    private readonly string _mail = Directory.CreateTempSubdirectory("portal-pages-mail-").FullName;
    private TestDatabase _database = null!;
    private ServiceProvider _data = null!;
    private PlatformAppFactory<WebHost> _portal = null!;

    public Uri PortalAddress { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        _database = await TestDatabase.CreateAsync(infrastructure);
        _data = MigrationServices.Build(_database.Configuration());
        var shop = await TenantSeeder.SeedAsync(_data, "browser-shop");
        await TenantSeeder.SeedAsync(_data, "kofeynya-na-ugolke-bolshoy-pokrovskoy-i-ilinki");
        await TenantSeeder.SeedAsync(_data, "konditerskaya-babushkiny-pirogi-s-dostavkoy");
        await using (var scope = _data.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            foreach (var role in PlatformRoles.All)
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole<Guid>(role));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            foreach (var (email, role, tenant) in new[] { (OwnerEmail, PlatformRoles.Owner, (Guid?)shop.Id), (OperatorEmail, PlatformRoles.Operator, null) })
            {
                var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, TenantId = tenant, DisplayName = email.Split('@')[0] };
                if (!(await users.CreateAsync(user, Password)).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
                    throw new InvalidOperationException($"could not create {email}");
            }
        }

        _portal = new PlatformAppFactory<WebHost>(TestSettings.For(_database, extra: new Dictionary<string, string?>
        {
            ["Mail:Folder"] = _mail,
            ["PublicUrls:ApiBaseUrl"] = "https://apps.example.test",
            ["RabbitMq:Url"] = infrastructure.Amqp.ToString(),
            ["RabbitMq:ManagementUrl"] = infrastructure.Management.ToString(),
        }), kestrel: true);
        PortalAddress = _portal.ServerAddress;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await _portal.DisposeAsync();
        await _data.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_mail, recursive: true);
    }

    public string Url(string path) => new Uri(PortalAddress, path).ToString();

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Url("/Account/Login"));
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form:not(.inline) button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}
