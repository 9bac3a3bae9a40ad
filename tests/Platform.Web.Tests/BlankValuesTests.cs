using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Platform.Web.Tests;

/// <summary>Fields left empty or filled with spaces get a field error on the page, never a 500.</summary>
[Collection(nameof(PortalCollection))]
public sealed class BlankValuesTests(PortalFixture fx)
{
    [Theory]
    [InlineData("   ", "Blank-pass-2026", "ShopName")]
    [InlineData("", "Blank-pass-2026", "ShopName")]
    [InlineData("Пробельная лавка", "            ", "Password")]
    [InlineData("Пустая лавка", "", "Password")]
    public async Task Sign_up_with_a_blank_shop_name_or_password_names_the_field_and_saves_nothing(string shopName, string password, string field)
    {
        var email = $"blank{shopName.Length}-{password.Length}@signup.test";

        var response = await fx.Anonymous().PostFormAsync("/Account/SignUp", new()
        {
            ["ShopName"] = shopName, ["OwnerName"] = "   ", ["Email"] = email, ["Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"field-validation-error\" data-valmsg-for=\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.False(await fx.InDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    /// <summary>Every form of the portal with all its text fields as <c>""</c>, as spaces, and left out.</summary>
    public static TheoryData<string, string, string[]> Forms => new()
    {
        { "anonymous", "/Account/SignUp", ["ShopName", "OwnerName", "Email", "Password"] },
        { "anonymous", "/Account/Login", ["Email", "Password", "ReturnUrl"] },
        { "anonymous", "/Account/ForgotPassword", ["Email"] },
        { "anonymous", "/Account/ResetPassword", ["UserId", "Token", "Password"] },
        { "owner", "/Catalog/Product", ["Input.Sku", "Input.Name", "Input.Description", "Input.Price", "Input.VatCode", "Input.UnitCode", "Input.CategoryId"] },
        { "owner", "/Catalog/Categories?handler=Add", ["name"] },
        { "owner", "/Shop", ["Input.Name", "Input.DisplayName", "Input.BrandColor", "Input.DefaultLocale"] },
        { "owner", "/Shop/PointsOfSale?handler=Add", ["NewShopId", "NewName"] },
        { "owner", "/Shop/Invoicebox?handler=Save", ["Input.MerchantId", "Input.ApiPrefix", "Input.ApiBaseUrl", "Input.Token", "Input.NotificationKey"] },
        { "owner", "/Shop/Team?handler=Invite", ["InviteEmail", "InviteRole"] },
        { "owner", "/Shop/Framing", ["Origins"] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Blank_or_missing_fields_never_cause_a_server_error(string who, string action, string[] fields)
    {
        foreach (var blank in new[] { "", "   ", null })
        {
            var client = who switch
            {
                "owner" => (await fx.NewShopAsync($"blank-{Math.Abs(action.GetHashCode()) % 100_000}-{blank?.Length ?? 9}")).Owner,
                _ => fx.Anonymous(),
            };

            var response = await client.PostFormAsync(action, blank is null ? [] : fields.ToDictionary(f => f, _ => blank));

            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
                $"{action} with \"{blank}\" answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 300)]}");
        }
    }
}
