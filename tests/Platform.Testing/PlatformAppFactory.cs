using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing;

/// <summary>
/// Hosts one of the platform's web apps in-process with test settings (database, broker, master key...). With
/// <c>kestrel: true</c> it listens on a real loopback port, for browsers and for the emulator's notifications.
/// </summary>
public class PlatformAppFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the host registered its own (a fault-injecting decorator, say).</param>
    public PlatformAppFactory(IReadOnlyDictionary<string, string?> settings, bool kestrel = false, string environment = "Development",
        Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _environment = environment;
        _services = services;
        if (kestrel)
            UseKestrel(0);
    }

    /// <summary>The real address when hosted on Kestrel (after <see cref="WebApplicationFactory{T}.StartServer"/>).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting (not ConfigureAppConfiguration) so values are visible while Program.cs registers services.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }
}
