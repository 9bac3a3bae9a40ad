using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>The emulator's control API (<c>/_emulator/*</c>) over HTTP, as the acceptance checks use it.</summary>
public sealed class EmulatorControl(Uri emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator };

    public Uri BaseAddress => emulator;

    public async Task<List<JsonElement>> OrdersAsync() => (await _http.GetFromJsonAsync<List<JsonElement>>("_emulator/orders"))!;

    public async Task<List<JsonElement>> OrdersWithMerchantOrderIdAsync(string merchantOrderId) =>
        (await OrdersAsync()).Where(o => o.GetProperty("merchantOrderId").GetString() == merchantOrderId).ToList();

    public Task<JsonElement> PayAsync(string containerId) => PostAsync($"_emulator/containers/{containerId}/pay");
    public Task<JsonElement> DeclineAsync(string containerId) => PostAsync($"_emulator/containers/{containerId}/decline");
    public Task<JsonElement> HoldAsync(string containerId) => PostAsync($"_emulator/containers/{containerId}/hold");
    public Task<JsonElement> ExpireAsync(string orderId) => PostAsync($"_emulator/orders/{orderId}/expire");

    /// <summary>Opens an invoice with a main order of the "main" merchant; returns its container id.</summary>
    public async Task<string> OpenContainerAsync()
    {
        var container = await PostAsync("_emulator/containers");
        return container.GetProperty("containerId").GetString()!;
    }

    public Task SetFaultsAsync(object faults) => PostAsync("_emulator/faults", faults);
    public Task ClearFaultsAsync() => PostAsync("_emulator/faults", new { });

    public async Task<List<JsonElement>> NotificationAttemptsAsync() => (await _http.GetFromJsonAsync<List<JsonElement>>("_emulator/notifications"))!;

    private async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        var response = await _http.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
