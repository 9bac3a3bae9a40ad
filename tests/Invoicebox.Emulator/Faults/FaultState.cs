using System.Text.Json.Serialization;

namespace Invoicebox.Emulator.Faults;

/// <summary>
/// Trouble a test asks for (<c>POST /_emulator/faults</c>). Missing fields are off; <c>{}</c> clears everything.
/// The rates and the latency apply to <c>/v3</c> and <c>/l3</c>; latency and the three notification switches apply to notifications.
/// </summary>
public sealed record FaultSettings
{
    public int LatencyMs { get; init; }
    public double ErrorRate { get; init; }
    public double TimeoutRate { get; init; }
    public double TooManyRequestsRate { get; init; }
    public bool DropNotifications { get; init; }
    public bool DuplicateNotifications { get; init; }
    public bool CorruptSignature { get; init; }

    public static readonly FaultSettings None = new();

    [JsonIgnore]
    public bool IsValid => LatencyMs >= 0 && InRange(ErrorRate) && InRange(TimeoutRate) && InRange(TooManyRequestsRate);

    private static bool InRange(double rate) => rate is >= 0 and <= 1;
}

public sealed class FaultState
{
    private FaultSettings _current = FaultSettings.None;

    public FaultSettings Current => Volatile.Read(ref _current);

    public void Set(FaultSettings faults) => Volatile.Write(ref _current, faults);

    public void Clear() => Set(FaultSettings.None);

    /// <summary>True with the given probability; 1 always fires, 0 never.</summary>
    public static bool Roll(double rate) => rate >= 1 || rate > 0 && Random.Shared.NextDouble() < rate;
}
