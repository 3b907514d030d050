using Airgate.AirflowEmulator;
using Airgate.Runs.Mirror;
using Airgate.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Airgate.Tests.Infrastructure;

/// <summary>
/// A fresh gateway per test: the real Program over an in-memory Airflow emulator, a temporary SQLite file and
/// (by default) the example registry. Nothing is shared between tests.
/// </summary>
internal sealed class Gateway : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly DirectoryInfo _dataDirectory;
    private readonly bool _ownsEmulator;

    private Gateway(GatewayOptions options)
    {
        Clock = options.Clock;
        _ownsEmulator = options.SharedEmulator is null;
        Emulator = options.SharedEmulator ?? new AirflowEmulator.AirflowEmulator(options.Emulator ?? new EmulatorOptions
        {
            FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
        }, Clock);
        _dataDirectory = Directory.CreateTempSubdirectory("airgate-test-");

        var settings = new Dictionary<string, string?>
        {
            ["Airgate:Airflow:BaseUrl"] = "http://airflow.test/",
            ["Airgate:Airflow:Username"] = "admin",
            ["Airgate:Airflow:Password"] = "admin",
            ["Airgate:Airflow:RequestTimeout"] = "00:00:05",
            ["Airgate:Airflow:RetryDelay"] = "00:00:00.010",

            // The emulator's API, fixed: a detection probe would add a request to every count a test makes.
            ["Airgate:Airflow:ApiVersion"] = (options.SharedEmulator is null ? options.Emulator?.Api : null) == EmulatedApi.V1 ? "v1" : "v2",
            ["Airgate:Registry:Path"] = options.RegistryPath ?? Path.Combine(RepositoryPaths.Root, "examples", "registry"),
            ["Airgate:Database:Provider"] = "Sqlite",
            ["Airgate:Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory.FullName, "airgate.db")}",
            ["Airgate:Auth:Mode"] = "Development",
            ["Airgate:Auth:AllowDevelopmentMode"] = "true",
            // Listings sync on demand; the background tick and backfill pauses would only make request counts vary.
            ["Airgate:Runs:SyncInterval"] = "01:00:00",
            ["Airgate:Runs:BackfillPageDelay"] = "00:00:00",
            // Every listing syncs, so a test reads what it just changed; MinSyncInterval has its own tests.
            ["Airgate:Runs:MinSyncInterval"] = "00:00:00",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var handler = Emulator.CreateHandler();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
            web.ConfigureLogging(logging => logging.AddProvider(Logs));
            web.ConfigureServices(services =>
            {
                if (options.UseEmulator)
                {
                    // The typed client's name is its interface's; this primary handler replaces the socket one.
                    services.AddHttpClient(AirflowClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
                }
                if (Clock is not null)
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton<TimeProvider>(Clock);
                }

                options.ConfigureServices?.Invoke(services);
            });
        });
        Client = _factory.CreateClient();
    }

    /// <summary>The name under which the Airflow typed client is registered (its interface's name).</summary>
    public const string AirflowClientName = "IAirflowClient";

    public AirflowEmulator.AirflowEmulator Emulator { get; }

    public HttpClient Client { get; }

    public ManualTimeProvider? Clock { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    public static Gateway Start(Action<GatewayOptions>? configure = null)
    {
        var options = new GatewayOptions();
        configure?.Invoke(options);
        return new Gateway(options);
    }

    /// <summary>A client that acts as the named user (Development mode's <c>X-Airgate-User</c>).</summary>
    public HttpClient ClientFor(string user, params string[] roles)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Airgate-User", user);
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-Airgate-Roles", string.Join(',', roles));
        }

        return client;
    }

    /// <summary>Reads every run Airflow has into the mirror now, as the cold-start backfill does in the background.</summary>
    public async Task BackfillAsync()
    {
        var backfill = Services.GetRequiredService<RunBackfill>();
        await backfill.RestartAsync(CancellationToken.None);
        if (!await backfill.RunAsync(() => true, CancellationToken.None))
        {
            throw new InvalidOperationException("The backfill did not complete.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }

        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; a leftover temp folder is harmless.
        }
    }
}
