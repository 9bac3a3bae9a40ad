using System.Net;
using System.Text;

namespace Invoicebox.Tests.Client;

/// <summary>What the client sent, as the server would have seen it.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string Accept,
    string UserAgent,
    string? ContentType,
    string? Body);

/// <summary>
/// A stand-in for Invoicebox inside the HttpClient pipeline: answers each request with the next scripted reply and
/// records what was sent. Used where the emulator cannot produce the behaviour (5xx, hangs, broken bodies).
/// </summary>
public sealed class ScriptedInvoicebox : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> replies = new();
    private readonly List<RecordedRequest> requests = [];

    public IReadOnlyList<RecordedRequest> Requests { get { lock (requests) return requests.ToArray(); } }

    public ScriptedInvoicebox Reply(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        replies.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            response.Headers.Add("X-Request-Id", $"req-{Guid.NewGuid():N}");
            configure?.Invoke(response);
            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedInvoicebox ReplyData(string dataJson) => Reply(HttpStatusCode.OK, $$"""{"data":{{dataJson}},"extendedData":[]}""");

    public ScriptedInvoicebox Fail(Exception exception)
    {
        replies.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers; only the caller's or the client's cancellation ends the wait.</summary>
    public ScriptedInvoicebox Hang()
    {
        replies.Enqueue(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (requests)
        {
            requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Headers.Accept.ToString(),
                string.Join(" ", request.Headers.GetValues("User-Agent")),
                request.Content?.Headers.ContentType?.ToString(),
                body));
        }
        Func<CancellationToken, Task<HttpResponseMessage>> reply;
        lock (replies)
        {
            if (!replies.TryDequeue(out reply!))
                throw new InvalidOperationException($"No scripted reply for {request.Method} {request.RequestUri}");
        }
        var response = await reply(cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
