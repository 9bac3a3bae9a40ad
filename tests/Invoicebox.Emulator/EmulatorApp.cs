using System.Text.Encodings.Web;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Control;
using Invoicebox.Emulator.Faults;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Notifications;
using Invoicebox.Emulator.Orders;
using Invoicebox.Emulator.Parent;
using Invoicebox.Emulator.PaymentPage;
using Invoicebox.Emulator.MiniAppProbe;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Invoicebox.Emulator;

/// <summary>
/// The emulator as a web application. <c>Program.cs</c> runs it on http://127.0.0.1:5400; tests host it in-process:
/// <code>
/// var app = EmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o => o.Merchants.Add(...));
/// await app.StartAsync();
/// var baseUrl = EmulatorApp.BaseAddresses(app)[0];
/// </code>
/// or simply <c>await using var emulator = await RunningEmulator.StartAsync(o => ...)</c>.
/// </summary>
public static class EmulatorApp
{
    public const string DefaultUrl = "http://127.0.0.1:5400";

    /// <param name="args">Command-line arguments; <c>--urls</c> picks the listening address (default <see cref="DefaultUrl"/>).</param>
    /// <param name="configure">Runs after configuration binding: add merchants, shorten retry delays, ...</param>
    /// <param name="configureServices">Replace services, e.g. a fake <see cref="TimeProvider"/>.</param>
    public static WebApplication Build(string[] args, Action<EmulatorOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Embedded defaults first, so files, environment and command line override them key by key.
        var defaults = typeof(EmulatorApp).Assembly.GetManifestResourceStream("Invoicebox.Emulator.appsettings.json")
            ?? throw new InvalidOperationException("embedded appsettings.json is missing");
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonStreamConfigurationSource { Stream = defaults });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddEmulator(builder.Configuration, configure);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapEmulator();
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved), e.g. <c>http://127.0.0.1:41234</c>. Call after start.</summary>
    public static IReadOnlyList<Uri> BaseAddresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];

    private static void AddEmulator(this IServiceCollection services, IConfiguration configuration, Action<EmulatorOptions>? configure)
    {
        services.AddOptions<EmulatorOptions>()
            .Bind(configuration.GetSection(EmulatorOptions.Section))
            .Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MerchantRegistry>();
        services.AddSingleton<FaultState>();
        services.AddSingleton<TokenRateLimiter>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<MainContainers>();
        services.AddHostedService<NotificationDispatcher>();
        services.AddHostedService<ExpirySweeper>();
        services.AddHttpClient(NotificationDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
    }

    private static void MapEmulator(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString("N");
            return next(context);
        });
        app.UseWhen(context => ApiGate.Handles(context.Request.Path), api => api.UseMiddleware<ApiGate>());
        app.MapInvoiceboxApi();
        app.MapPaymentPage();
        app.MapControlApi();
        app.MapParentWindow();
        app.MapProbe();
        app.MapGet("/", () => Results.Redirect("/_emulator/"));
    }
}
