using Airgate.Core.Runs;
using Airgate.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Airgate.Storage.Tests;

public sealed class RunStoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"airgate-di-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }

    [Fact]
    public async Task AddRunStore_SqliteConfigured_MigratesAtStartAndServesTheStore()
    {
        using var host = BuildHost(new() { ["Airgate:Database:ConnectionString"] = $"Data Source={_file}" });

        await host.StartAsync();

        var store = host.Services.GetRequiredService<IRunStore>();
        await store.PingAsync();
        var created = await store.CreatePendingAsync(new NewRunRecord { DagId = "d", DagRunId = "r", TriggeredBy = new RunOwner("u", "U") });
        created.Created.ShouldBeTrue();
        (await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync()).Applied.ShouldBeEmpty();
        await host.StopAsync();
    }

    [Fact]
    public void StorageOptions_NothingConfigured_IsSqliteInTheWorkingDirectory()
    {
        using var host = BuildHost([]);

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        options.ParsedProvider.ShouldBe(StorageProvider.Sqlite);
        options.EffectiveConnectionString.ShouldBe("Data Source=airgate.db");
    }

    public static TheoryData<Dictionary<string, string?>, string> BadSettings => new()
    {
        { new() { ["Airgate:Database:Provider"] = "MySql" }, "Airgate:Database:Provider is 'MySql'; use 'Sqlite'" },
        { new() { ["Airgate:Database:Provider"] = "Postgres" }, "Airgate:Database:ConnectionString is required when Airgate:Database:Provider is 'Postgres'" },
        { new() { ["Airgate:Database:Provider"] = "Postgres", ["Airgate:Database:ConnectionString"] = "Nonsense=1" }, "is not a PostgreSQL connection string" },
        { new() { ["Airgate:Database:ConnectionString"] = "Host=db;Password=secret-pw" }, "set Airgate:Database:Provider to 'Postgres'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task AddRunStore_BadSettings_FailAtStartNamingTheKeyWithoutTheSecret(Dictionary<string, string?> settings, string expected)
    {
        using var host = BuildHost(settings);

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("secret-pw");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    [InlineData(" sqlite ")]
    public void StorageOptions_ProviderSpelling_IsCaseInsensitive(string provider)
    {
        new StorageOptions { Provider = provider }.ParsedProvider.ShouldNotBeNull();
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRunStore();
        return builder.Build();
    }
}
