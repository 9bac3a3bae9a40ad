using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Platform.Web.Localization;

namespace Platform.Web.Operator;

public sealed class HealthModel(PlatformHealth health, PortalClock clock, IOptions<PortalOptions> portal) : PageModel
{
    public PortalClock Clock => clock;
    public HealthReport Report { get; private set; } = null!;
    public string DashboardUrl => portal.Value.DashboardUrl;

    public async Task OnGetAsync(CancellationToken ct) => Report = await health.CheckAsync(ct);
}
