using Platform.Workers;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformWorkers();

var app = builder.Build();
app.MapPlatformWorkers();
app.Run();

namespace Platform.Workers
{
    /// <summary>Names this host's assembly for WebApplicationFactory (every web project has a global Program).</summary>
    public sealed class WorkersHost;
}
