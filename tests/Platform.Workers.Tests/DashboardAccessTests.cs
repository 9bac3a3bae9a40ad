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
    /// A sign-in cookie as the portal issues it: same scheme, same cookie name, sealed with the shared Data Protection key
    /// ring (here through the workers' own cookie options, which is exactly what makes the portal's cookie readable).
    /// </summary>
    public string CookieFor(string? role)
    {
        var options = Workers.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Name, $"{role}@test") };
        if (role is not null)
            claims.Add(new Claim(ClaimTypes.Role, role));
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme)), IdentityConstants.ApplicationScheme);
        return $".Platform.Auth={options.TicketDataFormat.Protect(ticket)}";
    }

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
        var response = await fx.Client(fx.CookieFor(role)).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Support_sees_the_dashboard_read_only()
    {
        var response = await fx.Client(fx.CookieFor(PlatformRoles.Support)).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("payments:reconcile", html);
        Assert.DoesNotContain("recurring/trigger", html);
    }

    [Fact]
    public async Task An_operator_sees_the_dashboard_with_its_actions()
    {
        var response = await fx.Client(fx.CookieFor(PlatformRoles.Operator)).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("recurring/trigger", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_dashboard_action_without_its_antiforgery_token_is_refused()
    {
        var response = await fx.Client(fx.CookieFor(PlatformRoles.Operator), browser: false)
            .PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "housekeeping:purge")]));

        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_dashboard_cannot_be_framed()
    {
        var response = await fx.Client(fx.CookieFor(PlatformRoles.Operator)).GetAsync("/hangfire");

        Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_forged_cookie_is_anonymous()
    {
        var response = await fx.Client(".Platform.Auth=CfDJ8forged").GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
