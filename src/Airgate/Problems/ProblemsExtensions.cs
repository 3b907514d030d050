namespace Airgate.Problems;

internal static class ProblemsExtensions
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseProblems(this WebApplication app) => app;
}
