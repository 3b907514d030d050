using System.Net;
using System.Text;
using Airgate.Testing;
using Airgate.Testing.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

/// <summary>A fresh client per test, wired as production wires it, with MockHttp as Airflow and every request recorded.</summary>
internal sealed class AirflowTestHost : IDisposable
{
    public const string BaseUrl = "http://airflow:8080";
    public const string Username = "gateway";
    public const string Password = "pw-Secret-7f3a";
    public const string StaticToken = "static-Token-9c1e";

    private readonly ServiceProvider _provider;

    public AirflowTestHost(Dictionary<string, string?>? settings = null, HttpMessageHandler? airflow = null, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Airgate:Airflow:BaseUrl"] = BaseUrl,

            // The API is fixed unless a test is about choosing it, so every request a test counts is the one it made.
            ["Airgate:Airflow:ApiVersion"] = "v2",
            ["Airgate:Airflow:Username"] = Username,
            ["Airgate:Airflow:Password"] = Password,
            ["Airgate:Airflow:RetryDelay"] = "00:00:00.001",
            ["Airgate:Airflow:RequestTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        configureServices?.Invoke(services);
        Recorder = new RecordingHandler(airflow ?? Mock);
        services.AddAirflowClient().ConfigurePrimaryHttpMessageHandler(() => Recorder);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public RecordingHandler Recorder { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IAirflowClient Client => _provider.GetRequiredService<IAirflowClient>();

    public IServiceProvider Services => _provider;

    /// <summary>A host that authenticates with a static token, for tests not about login.</summary>
    public static AirflowTestHost WithStaticToken(Dictionary<string, string?>? settings = null, HttpMessageHandler? airflow = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Airgate:Airflow:Username"] = null,
            ["Airgate:Airflow:Password"] = null,
            ["Airgate:Airflow:Token"] = StaticToken,
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return new AirflowTestHost(values, airflow, time);
    }

    /// <summary>Requests to <c>/api/v2</c>, logins left out.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => Recorder.RequestsTo("/api/v2/");

    /// <summary>Requests to Airflow 2's <c>/api/v1</c>.</summary>
    public IReadOnlyList<RecordedRequest> V1Requests => Recorder.RequestsTo("/api/v1/");

    public IReadOnlyList<RecordedRequest> Logins => Recorder.RequestsTo("/auth/token");

    public void AcceptLogin(params string[] tokens)
    {
        var next = 0;
        Mock.When(HttpMethod.Post, $"{BaseUrl}/auth/token").Respond(_ =>
        {
            var token = tokens[Math.Min(Interlocked.Increment(ref next) - 1, tokens.Length - 1)];
            return Json(HttpStatusCode.Created, $$"""{"access_token":"{{token}}"}""");
        });
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public void Dispose()
    {
        _provider.Dispose();
        Mock.Dispose();
        Logs.Dispose();
    }
}
