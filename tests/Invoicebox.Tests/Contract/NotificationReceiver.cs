using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicebox.Tests.Contract;

/// <summary>A shop's webhook on 127.0.0.1: keeps the raw body bytes and <c>X-Signature</c> of each call, answers success.</summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ReceivedNotification> received = Channel.CreateUnbounded<ReceivedNotification>();

    private NotificationReceiver(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/invoicebox/notify", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            await receiver.received.Writer.WriteAsync(
                new ReceivedNotification(buffer.ToArray(), context.Request.Headers["X-Signature"].ToString(), context.Request.ContentType));
            return Results.Text("""{"status":"success"}""", "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/invoicebox/notify");
        return receiver;
    }

    public async Task<ReceivedNotification> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedNotification(byte[] Body, string Signature, string? ContentType);
