using Xunit;

namespace Platform.Testing;

/// <summary>
/// A fact that needs a Docker engine and the locally built images: skipped unless PLATFORM_TEST_DOCKER=1, which
/// <c>scripts/testcontainers-smoke.sh</c> sets. The normal <c>./test.sh</c> run (no engine) reports it as skipped.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public static bool Enabled => Environment.GetEnvironmentVariable("PLATFORM_TEST_DOCKER") == "1";

    public DockerFactAttribute()
    {
        if (!Enabled)
            Skip = "Needs Docker: run scripts/testcontainers-smoke.sh (sets PLATFORM_TEST_DOCKER=1).";
    }
}
