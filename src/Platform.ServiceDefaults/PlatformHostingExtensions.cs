using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (PostgreSQL, and the bus where there is one).</summary>
    public static WebApplication MapPlatformHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
