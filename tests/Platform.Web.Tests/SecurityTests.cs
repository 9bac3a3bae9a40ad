using System.Net;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed class SecurityTests(PortalFixture fx)
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/Catalog")]
    [InlineData("/Orders")]
    [InlineData("/Shop/Invoicebox")]
    public async Task Portal_pages_may_not_be_framed_by_anyone(string page)
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Catalog")]
    [InlineData("/Catalog/Import")]
    [InlineData("/Orders")]
    [InlineData("/Shop")]
    [InlineData("/Shop/Invoicebox")]
    [InlineData("/Shop/Team")]
    [InlineData("/Operator")]
    [InlineData("/Operator/Health")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_back(string page)
    {
        var response = await fx.Anonymous().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", location);
        Assert.Contains(Uri.EscapeDataString(page), location);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_checks_answer_without_signing_in(string path)
    {
        var response = await fx.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_form_post_is_sent_to_sign_in_too()
    {
        var client = fx.Anonymous();
        var response = await client.PostCraftedFormAsync("/Catalog?handler=Toggle", new() { ["id"] = fx.ShopA.ProductId.ToString() }, tokenFrom: "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_form_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);
        var before = await fx.InTenantAsync(fx.ShopA.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Products, p => p.Id == fx.ShopA.ProductId));

        var response = await client.Http.PostAsync("/Catalog?handler=Toggle",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = fx.ShopA.ProductId.ToString() }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await fx.InTenantAsync(fx.ShopA.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Products, p => p.Id == fx.ShopA.ProductId));
        Assert.Equal(before.IsActive, after.IsActive);
    }

    [Fact]
    public async Task No_page_carries_an_inline_style_the_content_security_policy_would_refuse()
    {
        var owner = await fx.SignInAsync(fx.OwnerA.Email!);
        foreach (var page in new[] { "/", "/Catalog", "/Catalog/Product", "/Catalog/Categories", "/Catalog/Import", "/Shop", "/Shop/Invoicebox", "/Shop/PointsOfSale", "/Shop/Framing", "/Shop/Launch", "/Orders" })
            Assert.DoesNotContain(" style=", await owner.GetPageAsync(page));
        Assert.DoesNotContain(" style=", await fx.Anonymous().GetPageAsync("/Account/Login"));

        // A summary with something to say is still shown.
        var refused = await fx.Anonymous().PostFormAsync("/Account/Login", new() { ["Email"] = "nobody@test.local", ["Password"] = "Wrong-pass-1" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("validation-summary-errors", html);
        Assert.DoesNotContain(" style=", html);
    }

    [Fact]
    public async Task A_sign_in_form_without_a_token_is_refused()
    {
        var response = await fx.Anonymous().Http.PostAsync("/Account/Login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = fx.OwnerA.Email!, ["Password"] = PortalFixture.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_portal_speaks_russian_by_default_and_english_after_switching()
    {
        var client = fx.Anonymous();
        var russian = await client.GetPageAsync("/Account/Login");
        Assert.Contains("Вход в кабинет", russian);

        var switched = await client.PostFormAsync("/Culture", new() { ["culture"] = "en" }, page: "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetPageAsync("/Account/Login");

        Assert.Contains("Sign in", english);
        Assert.Contains("lang=\"en\"", english);
    }

    [Theory]
    [InlineData("owner-a@test.local", "/")]
    [InlineData("owner-a@test.local", "/Orders")]
    [InlineData("owner-a@test.local", "/Shop/Invoicebox")]
    [InlineData("staff-a@test.local", "/Catalog")]
    [InlineData(PortalFixture.OperatorEmail, "/Operator")]
    public async Task The_language_switch_and_sign_out_in_the_header_work_as_rendered(string email, string page)
    {
        var client = await fx.SignInAsync(email);

        var switched = await client.PostFormAsync("/Culture", new() { ["culture"] = "en" }, page: page);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(page, switched.Headers.Location!.OriginalString);
        Assert.Contains("lang=\"en\"", await client.GetPageAsync(page));

        var signedOut = await client.PostFormAsync("/Account/Logout", new(), page: page);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/Account/Login", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task A_browser_asking_for_english_still_gets_russian_until_the_user_switches()
    {
        var client = fx.Anonymous();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        Assert.Contains("Вход в кабинет", await client.GetPageAsync("/Account/Login"));
    }

    [Fact]
    public async Task The_culture_switch_does_not_redirect_off_site()
    {
        var client = fx.Anonymous();
        var response = await client.PostFormAsync("/Culture", new() { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, page: "/Account/Login");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/Orders/{order}?handler=Foo")]
    [InlineData("/Catalog?handler=Foo")]
    [InlineData("/Shop/Invoicebox?handler=save2")]
    [InlineData("/Orders")]
    [InlineData("/")]
    public async Task A_post_to_a_handler_the_page_does_not_have_is_not_found(string template)
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);
        var url = template.Replace("{order}", fx.ShopA.OrderId.ToString());

        var response = await client.PostCraftedFormAsync(url, [], tokenFrom: "/Orders");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Не найдено", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tenant_named_in_a_header_or_the_query_is_ignored()
    {
        var client = await fx.SignInAsync(fx.OwnerA.Email!);
        client.Http.DefaultRequestHeaders.Add("X-Tenant-Id", fx.ShopB.Id.ToString());

        var page = await client.GetPageAsync($"/Catalog?tenant={fx.ShopB.Id}&tenantId={fx.ShopB.Id}");

        Assert.Contains("shop-a-SKU", page);
        Assert.DoesNotContain("shop-b-SKU", page);
    }
}
