using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Api;

/// <summary>Invoicebox's per-account limit (reference §5): N requests per fixed window per token, then 429 with <c>Retry-After</c>.</summary>
public sealed class TokenRateLimiter(IOptions<EmulatorOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = [];

    /// <summary>Counts the request; returns null when allowed, else the time until the window ends.</summary>
    public TimeSpan? TryAcquire(string token)
    {
        var limit = options.Value.RateLimit;
        if (limit.PermitLimit <= 0)
            return null;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(token, out var window) || now - window.Start >= limit.Window)
                window = (now, 0);
            if (window.Count >= limit.PermitLimit)
                return window.Start + limit.Window - now;
            _windows[token] = (window.Start, window.Count + 1);
            return null;
        }
    }

    public void Reset()
    {
        lock (_gate) _windows.Clear();
    }
}
