using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Invoicebox.Emulator.Tests;

public sealed record ReceivedNotification(byte[] Body, string? Signature, string? ContentType, DateTimeOffset At)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

public sealed record SinkReply(int Status, string Body, TimeSpan Delay = default)
{
    public static readonly SinkReply Success = new(200, """{"status":"success"}""");
    public static readonly SinkReply OutOfService = new(200, """{"status":"error","code":"out_of_service"}""");
}

/// <summary>A shop's notification endpoint on a real loopback port; answers each request with <c>reply(n)</c>, n counting from 1.</summary>
public sealed class NotificationSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedNotification> _received = new();
    private int _count;

    private NotificationSink(Func<int, SinkReply> reply)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/notify", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            _received.Enqueue(new ReceivedNotification(buffer.ToArray(), context.Request.Headers["X-Signature"], context.Request.ContentType, DateTimeOffset.UtcNow));
            var answer = reply(Interlocked.Increment(ref _count));
            if (answer.Delay > TimeSpan.Zero)
                await Task.Delay(answer.Delay, context.RequestAborted);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        });
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedNotification> Received => [.. _received];

    public static async Task<NotificationSink> StartAsync(Func<int, SinkReply>? reply = null)
    {
        var sink = new NotificationSink(reply ?? (_ => SinkReply.Success));
        await sink._app.StartAsync();
        sink.Url = sink._app.Urls.First().TrimEnd('/') + "/notify";
        return sink;
    }

    public async Task<IReadOnlyList<ReceivedNotification>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(20);
        Assert.True(_received.Count >= count, $"expected {count} notifications, got {_received.Count}");
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
