using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Airflow.Tests;

/// <summary>The client exactly as production registers it (real SocketsHttpHandler), pointed at <paramref name="baseUrl"/>.</summary>
internal sealed class RealNetworkHost(string baseUrl) : IDisposable
{
    private readonly ServiceProvider _provider = Build(baseUrl);

    public IAirflowClient Client => _provider.GetRequiredService<IAirflowClient>();

    public IServiceProvider Services => _provider;

    public void Dispose() => _provider.Dispose();

    private static ServiceProvider Build(string baseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airgate:Airflow:BaseUrl"] = baseUrl,
            ["Airgate:Airflow:Token"] = AirflowTestHost.StaticToken,
            ["Airgate:Airflow:MaxRetries"] = "0",
            ["Airgate:Airflow:ConnectTimeout"] = "00:00:02",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAirflowClient();
        return services.BuildServiceProvider();
    }
}
