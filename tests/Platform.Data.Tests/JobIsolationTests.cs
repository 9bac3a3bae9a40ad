using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Data.Tenancy;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Data.Tests;

public sealed class IsolationProbeJob(PlatformDbContext db, IsolationProbe probe)
{
    public Task RunAsync(Guid tenantId, string run) => probe.RecordAsync(run, db);

    [AcrossTenants]
    public Task RunAcrossTenantsAsync(string run) => probe.RecordAsync(run, db);

    public Task RunWithoutTenantAsync(string run) => probe.RecordAsync(run, db);
}

public sealed class JobIsolationTests(TwoTenantsFixture fx) : IClassFixture<TwoTenantsFixture>, IAsyncLifetime
{
    private IHost _host = null!;
    private readonly IsolationProbe _probe = new();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(fx.Database.Settings());
        builder.Configuration["Hangfire:QueuePollInterval"] = "00:00:00.200";
        builder.Services.AddPlatformData(builder.Configuration);
        builder.Services.AddSingleton(_probe);
        builder.Services.AddScoped<IsolationProbeJob>();
        builder.Services.AddPlatformHangfire(builder.Configuration);
        builder.Services.AddHangfireServer(o => { o.WorkerCount = 2; o.SchedulePollingInterval = TimeSpan.FromMilliseconds(200); });
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task A_job_reads_only_the_rows_of_the_tenant_in_its_arguments()
    {
        var jobs = _host.Services.GetRequiredService<IBackgroundJobClient>();
        var runs = Enumerable.Range(0, 8).Select(i => (run: $"job-{i}", tenant: i % 2 == 0 ? fx.A.Id : fx.B.Id)).ToList();

        foreach (var (run, tenant) in runs)
            jobs.Enqueue<IsolationProbeJob>(j => j.RunAsync(tenant, run));

        foreach (var (run, tenant) in runs)
            Assert.Equal([tenant], await _probe.WaitForAsync(run, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_job_across_tenants_runs_with_no_tenant_even_after_tenant_jobs_on_the_same_workers()
    {
        var jobs = _host.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<IsolationProbeJob>(j => j.RunAsync(fx.A.Id, "before-across"));
        await _probe.WaitForAsync("before-across", TimeSpan.FromSeconds(30));

        jobs.Enqueue<IsolationProbeJob>(j => j.RunAcrossTenantsAsync("across"));

        Assert.Empty(await _probe.WaitForAsync("across", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_job_without_a_tenant_id_cannot_be_enqueued()
    {
        var jobs = _host.Services.GetRequiredService<IBackgroundJobClient>();

        var error = Assert.ThrowsAny<Exception>(() => jobs.Enqueue<IsolationProbeJob>(j => j.RunWithoutTenantAsync("nope")));
        Assert.IsType<TenantIsolationException>(error.GetBaseException());
    }

    [Fact]
    public void A_job_with_an_empty_tenant_id_cannot_be_enqueued()
    {
        var jobs = _host.Services.GetRequiredService<IBackgroundJobClient>();

        var error = Assert.ThrowsAny<Exception>(() => jobs.Enqueue<IsolationProbeJob>(j => j.RunAsync(Guid.Empty, "empty")));
        Assert.IsType<TenantIsolationException>(error.GetBaseException());
    }
}
