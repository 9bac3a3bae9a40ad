using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Platform.Data;
using Platform.ServiceDefaults.Health;
using Serilog;

namespace Platform.ServiceDefaults;

public static class PlatformHostingExtensions
{
    /// <summary>What every host has: structured logs, tracing, health checks, and the data layer with tenancy.</summary>
    public static WebApplicationBuilder AddPlatformDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Host", builder.Environment.ApplicationName)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        var tracing = builder.Services.AddOpenTelemetry().WithTracing(t => t
            .AddSource(builder.Environment.ApplicationName, "MassTransit")
            .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
            .AddHttpClientInstrumentation());
        // Export only when a collector is configured (standard OTEL_* variables); otherwise traces stay in-process.
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            tracing.UseOtlpExporter();

        builder.Services.AddPlatformData(builder.Configuration);
        builder.Services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), name: "postgresql", tags: ["ready"]);
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (PostgreSQL, and the broker for hosts that consume)
    /// and <c>/health/broker</c> (the RabbitMQ connection, where the host has a bus). Degraded counts as not ready (503).
    /// </summary>
    public static WebApplication MapPlatformHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", Checks("ready"));
        app.MapHealthChecks("/health/broker", Checks(Messaging.BusExtensions.BrokerHealthTag));
        return app;
    }

    private static HealthCheckOptions Checks(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = HealthReportWriter.WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary>
    /// Honour X-Forwarded-For/Proto from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (IP addresses), so
    /// per-client limits and "is this HTTPS" see the buyer, not the load balancer. Without the setting only loopback is trusted.
    /// </summary>
    public static WebApplication UsePlatformForwardedHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }
}
