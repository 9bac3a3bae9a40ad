using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Data.Identity;
using Platform.Testing;

namespace Platform.Workers.Tests;

public sealed class DashboardFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;
    public PlatformAppFactory<WorkersHost> Workers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        Database = await TestDatabase.CreateAsync(infrastructure);
        Broker = await TestVirtualHost.CreateAsync(infrastructure);
        Workers = new PlatformAppFactory<WorkersHost>(TestSettings.For(Database, Broker, new Dictionary<string, string?>
        {
            ["Dashboard:SignInUrl"] = "http://portal.test/Account/Login",
        }));
        _ = Workers.Server;
    }

    public async Task DisposeAsync()
    {
        await Workers.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// A real user with that role, and a sign-in cookie for them as the portal issues it: same scheme, same cookie name,
    /// the user's security stamp inside, sealed with the shared Data Protection key ring (here through the workers' own
    /// cookie options, which is exactly what makes the portal's cookie readable).
    /// </summary>
    public async Task<(string Cookie, PlatformUser User)> SignedInAsync(string role)
    {
        await using var scope = Workers.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(role))
            await roles.CreateAsync(new IdentityRole<Guid>(role));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var email = $"{role}-{Guid.NewGuid():N}@test.example";
        var user = new PlatformUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, "Dashboard-Test-Password-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<PlatformUser>>().CreateUserPrincipalAsync(user);
        var options = Workers.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme);
        return ($".Platform.Auth={options.TicketDataFormat.Protect(ticket)}", user);
    }

    public async Task<string> CookieFor(string role) => (await SignedInAsync(role)).Cookie;

    public HttpClient Client(string? cookie = null, bool browser = true)
    {
        var client = Workers.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (browser)
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        if (cookie is not null)
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}

public sealed class DashboardAccessTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task An_anonymous_browser_is_sent_to_the_portal_sign_in_and_back()
    {
        var response = await fx.Client().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://portal.test/Account/Login?ReturnUrl=", location);
        Assert.Contains(Uri.EscapeDataString("/hangfire"), location);
    }

    [Fact]
    public async Task An_anonymous_script_gets_401()
    {
        var response = await fx.Client(browser: false).GetAsync("/hangfire/stats");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(PlatformRoles.Owner)]
    [InlineData(PlatformRoles.Staff)]
    public async Task A_merchant_gets_403(string role)
    {
        var response = await fx.Client(await fx.CookieFor(role)).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Support_sees_the_dashboard_read_only()
    {
        var response = await fx.Client(await fx.CookieFor(PlatformRoles.Support)).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("payments:reconcile", html);
        Assert.DoesNotContain("recurring/trigger", html);
    }

    [Fact]
    public async Task An_operator_sees_the_dashboard_with_its_actions()
    {
        var response = await fx.Client(await fx.CookieFor(PlatformRoles.Operator)).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("recurring/trigger", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_dashboard_action_without_its_antiforgery_token_is_refused()
    {
        var response = await fx.Client(await fx.CookieFor(PlatformRoles.Operator), browser: false)
            .PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "housekeeping:purge")]));

        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_dashboard_cannot_be_framed()
    {
        var response = await fx.Client(await fx.CookieFor(PlatformRoles.Operator)).GetAsync("/hangfire");

        Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_removed_operator_loses_the_dashboard_on_the_next_request()
    {
        var (cookie, user) = await fx.SignedInAsync(PlatformRoles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await fx.Client(cookie).GetAsync("/hangfire")).StatusCode);

        await using (var scope = fx.Workers.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            await users.DeleteAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await fx.Client(cookie).GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_operator_gets_403_on_the_next_request()
    {
        var (cookie, user) = await fx.SignedInAsync(PlatformRoles.Operator);

        await using (var scope = fx.Workers.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.RemoveFromRoleAsync(stored, PlatformRoles.Operator);
            await users.AddToRoleAsync(stored, PlatformRoles.Owner);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Client(cookie).GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_forged_cookie_is_anonymous()
    {
        var response = await fx.Client(".Platform.Auth=CfDJ8forged").GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
