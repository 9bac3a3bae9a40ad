using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using static Platform.Api.Tests.SessionApiTests;

namespace Platform.Api.Tests;

/// <summary>The per-client limits of the public buyer API, on a host of its own with tiny limits.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformAppFactory<ApiHost> _api = null!;
    private TenantSeeder.SeededTenant _shop = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(await TestInfrastructure.GetAsync());
        await using (var data = Migrations.MigrationServices.Build(_database.Configuration()))
            _shop = await TenantSeeder.SeedAsync(data, "limited");
        _api = new PlatformAppFactory<ApiHost>(TestSettings.For(_database, extra: new Dictionary<string, string?>
        {
            ["RateLimits:SessionsPerMinutePerIp"] = "3",
        }));
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Too_many_sessions_from_one_client_get_429_with_a_problem_code_and_when_to_retry()
    {
        using var client = _api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync($"/m/{_shop.ShopId}/api/session", new { minappType = "order" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        await AssertProblemAsync(last, HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = last.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }
}
