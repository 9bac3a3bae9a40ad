using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi();

var app = builder.Build();
app.MapPlatformApi();
app.Run();

namespace Platform.Api
{
    /// <summary>Names this host's assembly for WebApplicationFactory (every web project has a global Program).</summary>
    public sealed class ApiHost;
}
