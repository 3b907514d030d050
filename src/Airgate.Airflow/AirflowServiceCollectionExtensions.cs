using System.Net;
using Airgate.Airflow.Aws;
using Airgate.Airflow.Http;
using Airgate.Airflow.Mwaa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow;

/// <summary>Registers the Airflow client.</summary>
public static class AirflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAirflowClient"/> as a typed HttpClient with options bound from <paramref name="configSectionPath"/>
    /// and validated at start; the returned builder lets a caller swap the primary handler
    /// (<c>.ConfigurePrimaryHttpMessageHandler(() => emulatorHandler)</c>) with the token handler kept in front of it.
    /// </summary>
    public static IHttpClientBuilder AddAirflowClient(this IServiceCollection services, string configSectionPath = AirflowOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configSectionPath);

        services.AddOptions<AirflowOptions>().BindConfiguration(configSectionPath).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AirflowOptions>>(new AirflowOptionsValidator(configSectionPath));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AirflowTokenStore>();
        services.AddMetrics();
        services.TryAddSingleton<AirflowMetrics>();
        services.TryAddTransient<AirflowTokenHandler>();
        services.TryAddSingleton<AirflowApiSelector>();
        services.TryAddSingleton<AwsCredentialChain>();
        services.TryAddTransient<MwaaInvokeRestApiHandler>();

        return services
            .AddHttpClient<IAirflowClient, AirflowApiClient>(http =>
            {
                // Each attempt and the whole call carry their own timeouts (AirflowOptions); HttpClient's would cut across them.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => CreatePrimaryHandler(provider.GetRequiredService<IOptions<AirflowOptions>>().Value))

            // Outermost first: the resilience pipeline wraps the login (or MWAA's envelope), so each attempt's timeout covers it.
            .AddAirflowResilience()
            .AddHttpMessageHandler(provider => provider.GetRequiredService<IOptions<AirflowOptions>>().Value.Transport == AirflowTransport.Mwaa
                ? provider.GetRequiredService<MwaaInvokeRestApiHandler>()
                : provider.GetRequiredService<AirflowTokenHandler>())
            .AddHttpMessageHandler(() => new AirflowBufferingHandler())

            // The factory's logging handlers write full URIs with queries; the client logs paths itself.
            .RemoveAllLoggers();
    }

    private static SocketsHttpHandler CreatePrimaryHandler(AirflowOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionLifetime = options.PooledConnectionLifetime,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        UseProxy = true,
    };
}
