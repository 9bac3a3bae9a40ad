using Microsoft.Extensions.Options;

namespace Platform.Web.Localization;

/// <summary>Turns stored UTC instants into the portal's local dates and back (<see cref="PortalOptions.TimeZone"/>).</summary>
public sealed class PortalClock(IOptions<PortalOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    public DateOnly Today => DateOnly.FromDateTime(Local(Now).DateTime);

    /// <summary>The instant a local calendar day starts.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public string Format(DateTimeOffset? instant) =>
        instant is { } value ? Local(value).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public string FormatDate(DateTimeOffset instant) =>
        Local(instant).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
