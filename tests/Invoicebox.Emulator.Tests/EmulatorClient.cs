using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed record ApiReply(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)
{
    public JsonNode Data => Body?["data"] ?? throw new InvalidOperationException($"No data in {Status}: {Body?.ToJsonString()}");
    public string? ErrorCode => Body?["error"]?["code"]?.GetValue<string>();
    public string? Header(string name) => Response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}

/// <summary>A raw HTTP client over a started emulator: tests see exactly what goes over the wire.</summary>
public sealed class EmulatorClient(RunningEmulator emulator) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.BaseAddress };

    public HttpClient Http => _http;

    public Task<ApiReply> Get(string path, string? token = TestMerchants.ZernoToken) => Send(HttpMethod.Get, path, token, null);

    public Task<ApiReply> Post(string path, JsonNode? body, string? token = TestMerchants.ZernoToken) => Send(HttpMethod.Post, path, token, body?.ToJsonString());

    public Task<ApiReply> Put(string path, JsonNode body, string? token = TestMerchants.ZernoToken) => Send(HttpMethod.Put, path, token, body.ToJsonString());

    public Task<ApiReply> Delete(string path, string? token = TestMerchants.ZernoToken) => Send(HttpMethod.Delete, path, token, null);

    public Task<ApiReply> PostRaw(string path, string body, string? token = TestMerchants.ZernoToken) => Send(HttpMethod.Post, path, token, body);

    public async Task<JsonNode> CreateOrder(JsonObject body, string token = TestMerchants.ZernoToken)
    {
        var reply = await Post("/v3/billing/api/order/order", body, token);
        Assert.True(reply.Status == HttpStatusCode.OK, $"create failed: {reply.Status} {reply.Body?.ToJsonString()}");
        return reply.Data;
    }

    /// <summary>Control API call that must succeed.</summary>
    public async Task<JsonNode?> Control(HttpMethod method, string path, JsonNode? body = null)
    {
        var reply = await Send(method, path, null, body?.ToJsonString());
        Assert.True(reply.Status == HttpStatusCode.OK, $"{method} {path}: {reply.Status} {reply.Body?.ToJsonString()}");
        return reply.Body;
    }

    public async Task<ApiReply> Send(HttpMethod method, string path, string? token, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd("EmulatorTests/1.0");
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
            json = JsonNode.Parse(text);
        return new ApiReply(response.StatusCode, json, response);
    }

    public void Dispose() => _http.Dispose();
}
