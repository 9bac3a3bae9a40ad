using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Platform.Testing;

/// <summary>A RabbitMQ virtual host of its own for one test class, so queues and exchanges never cross between tests.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestVirtualHost(HttpClient management, string name, Uri amqp)
    {
        _management = management;
        Name = name;
        Amqp = amqp;
    }

    public string Name { get; }
    public Uri Amqp { get; }

    public static async Task<TestVirtualHost> CreateAsync(TestInfrastructure infrastructure)
    {
        var management = ManagementClient(infrastructure.Management);
        var name = "t-" + Guid.NewGuid().ToString("N")[..16];
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(infrastructure.Amqp.UserInfo.Split(':')[0]);
        (await management.PutAsJsonAsync($"api/permissions/{name}/{user}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        var amqp = new UriBuilder(infrastructure.Amqp) { Path = "/" + name }.Uri;
        return new TestVirtualHost(management, name, amqp);
    }

    /// <summary>Messages waiting in a queue of this virtual host (the management API refreshes about every 5 s).</summary>
    public async Task<int> QueueDepthAsync(string queue)
    {
        var info = await _management.GetFromJsonAsync<QueueInfo>($"api/queues/{Name}/{queue}");
        return info?.messages ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{Name}");
        _management.Dispose();
    }

    private static HttpClient ManagementClient(Uri management)
    {
        var client = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority) + "/") };
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private sealed record QueueInfo(int messages);
}
