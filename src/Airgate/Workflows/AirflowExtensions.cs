namespace Airgate.Workflows;

internal static class AirflowExtensions
{
    public static WebApplicationBuilder AddAirflow(this WebApplicationBuilder builder) => builder;
}
