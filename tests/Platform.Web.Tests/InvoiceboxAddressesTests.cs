using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Platform.Web.Shop;

namespace Platform.Web.Tests;

public sealed class InvoiceboxAddressesTests
{
    private static InvoiceboxAddresses Addresses(string environment, string[]? allowed = null, string emulator = "http://127.0.0.1:5400") => new(
        Options.Create(new InvoiceboxAddressOptions { AllowedBaseUrls = allowed ?? [] }),
        Options.Create(new PortalOptions { EmulatorUrl = emulator }),
        new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData("https://api.invoicebox.ru", true)]
    [InlineData("https://api.invoicebox.ru/", true)]
    [InlineData("HTTPS://API.Invoicebox.RU:443", true)]
    [InlineData("http://api.invoicebox.ru", false)]
    [InlineData("https://api.invoicebox.ru:8443", false)]
    [InlineData("https://api.invoicebox.ru/v3", false)]
    [InlineData("https://api.invoicebox.ru?x=1", false)]
    [InlineData("https://user@api.invoicebox.ru", false)]
    [InlineData("https://api.invoicebox.ru.evil.example", false)]
    [InlineData("http://127.0.0.1:5400", false)]
    [InlineData("http://localhost:55673", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("", false)]
    public void In_production_only_the_invoicebox_api_is_allowed_by_default(string baseUrl, bool allowed) =>
        Assert.Equal(allowed, Addresses(Environments.Production).IsAllowed(baseUrl));

    [Fact]
    public void Development_also_allows_the_configured_emulator_wherever_it_runs()
    {
        var addresses = Addresses(Environments.Development, emulator: "http://127.0.0.1:5411");

        Assert.True(addresses.IsAllowed("http://127.0.0.1:5411"));
        Assert.True(addresses.IsAllowed("https://api.invoicebox.ru"));
        Assert.False(addresses.IsAllowed("http://127.0.0.1:5400"));
        Assert.False(Addresses(Environments.Production, emulator: "http://127.0.0.1:5411").IsAllowed("http://127.0.0.1:5411"));
    }

    [Fact]
    public void A_configured_list_replaces_the_default()
    {
        var addresses = Addresses(Environments.Production, ["https://invoicebox-proxy.example.ru/"]);

        Assert.Equal(["https://invoicebox-proxy.example.ru"], addresses.Allowed);
        Assert.False(addresses.IsAllowed("https://api.invoicebox.ru"));
    }
}
