using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Invoicebox;

namespace Invoicebox.Tests.Client;

/// <summary>The client as registered, over a real socket: a redirect from "Invoicebox" is not followed.</summary>
public class RedirectTests
{
    [Fact]
    public async Task A_redirect_is_not_followed_so_the_token_stays_with_the_checked_host()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        var followed = 0;
        server.MapGet("/v3/security/api/auth/auth", (HttpContext http) =>
            Results.Redirect($"{http.Request.Scheme}://{http.Request.Host}/elsewhere"));
        server.MapGet("/elsewhere", () =>
        {
            Interlocked.Increment(ref followed);
            return Results.Json(new { data = new { userId = "stolen" } });
        });
        await server.StartAsync();
        var origin = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var services = new ServiceCollection().AddLogging();
        services.AddInvoiceboxClient(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Invoicebox:ReadRetryBaseDelay"] = "00:00:00.010" })
            .Build().GetSection("Invoicebox"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IInvoiceboxClientFactory>()
            .Create(new InvoiceboxCredentials(origin, "/v3", ClientHarness.MerchantId, ClientHarness.Token));

        var failure = await Assert.ThrowsAsync<InvoiceboxTransientException>(() => client.CheckAuthAsync(CancellationToken.None));

        Assert.Equal(302, failure.StatusCode);
        Assert.Equal(0, followed);
        await server.StopAsync();
    }
}
