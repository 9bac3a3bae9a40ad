using Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformWeb();

var app = builder.Build();
app.MapPlatformWeb();
app.Run();

namespace Platform.Web
{
    /// <summary>Names this host's assembly for WebApplicationFactory (every web project has a global Program).</summary>
    public sealed class WebHost;
}
