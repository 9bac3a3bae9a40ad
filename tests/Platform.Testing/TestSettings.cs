namespace Platform.Testing;

/// <summary>Builds the configuration a platform host needs in a test, from the class's database and virtual host.</summary>
public static class TestSettings
{
    public static Dictionary<string, string?> For(TestDatabase database, TestVirtualHost? broker = null, IDictionary<string, string?>? extra = null)
    {
        var settings = database.Settings();
        settings["RabbitMq:Url"] = broker?.Amqp.ToString() ?? "amqp://guest:guest@127.0.0.1:1/";
        settings["Hangfire:QueuePollInterval"] = "00:00:00.200";
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        settings["RateLimits:OrdersPerMinutePerIp"] = "10000";
        settings["RateLimits:SessionsPerMinutePerIp"] = "10000";
        if (extra is not null)
            foreach (var (key, value) in extra)
                settings[key] = value;
        return settings;
    }
}
