using System.Net.Http.Headers;
using System.Text;

namespace Platform.Web.Operator;

public static class OperatorFeature
{
    public const string RabbitMqManagementClient = "RabbitMqManagement";

    public static IServiceCollection AddOperatorFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RabbitMqManagementOptions>(configuration.GetSection("RabbitMq"));
        services.AddHttpClient(RabbitMqManagementClient, (sp, client) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RabbitMqManagementOptions>>().Value;
            client.Timeout = TimeSpan.FromSeconds(5);
            if (!Uri.TryCreate(options.ManagementUrl, UriKind.Absolute, out var url))
                return;
            client.BaseAddress = new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
            if (url.UserInfo.Length > 0)
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo))));
        });
        services.AddScoped<ShopOverview>();
        services.AddScoped<PlatformHealth>();
        return services;
    }
}

/// <summary>The <c>RabbitMq</c> section as far as the console reads it.</summary>
public sealed class RabbitMqManagementOptions
{
    /// <summary>The broker the hosts publish to (<c>amqp://user:pass@host:port/vhost</c>); its virtual host is the one inspected.</summary>
    public string? Url { get; set; }
    /// <summary>The RabbitMQ management API, with credentials in the user-info part.</summary>
    public string? ManagementUrl { get; set; }
    /// <summary>Queues whose names start with this are the order-submission queues (with their _error and _skipped siblings).</summary>
    public string SubmissionQueuePrefix { get; set; } = "order-submission";
}
