using Airgate.Core.Presets;
using Airgate.Core.Runs;
using Airgate.Storage.Availability;
using Airgate.Storage.Migrations;
using Airgate.Storage.Postgres;
using Airgate.Storage.Presets;
using Airgate.Storage.Sql;
using Airgate.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Storage;

public static class RunStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRunStore"/> and <see cref="IPresetStore"/> on the database named by <c>Airgate:Database</c> (validated at start),
    /// the <see cref="DatabaseMigrator"/>, and a hosted service that migrates the schema when the host starts
    /// (and, while the database cannot be reached, again with backoff; <see cref="DatabaseAvailability"/> says where it stands).
    /// </summary>
    public static IServiceCollection AddRunStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DatabaseAvailability(
            DatabaseEndpoint.Describe(sp.GetRequiredService<IOptions<StorageOptions>>().Value), sp.GetRequiredService<ILogger<DatabaseAvailability>>()));
        services.TryAddSingleton(sp => CreateDialect(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<DatabaseAvailability>()));
        services.TryAddSingleton(sp => new DatabaseProbe(sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<DatabaseAvailability>()));
        services.TryAddSingleton<IRunStore>(sp => new SqlRunStore(
            sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqlRunStore>>()));
        services.TryAddSingleton<IPresetStore>(sp => new SqlPresetStore(sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IMirrorLeaderLock>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value switch
        {
            { ParsedProvider: StorageProvider.Postgres } postgres => new PostgresLeaderLock(postgres.EffectiveConnectionString),
            _ => new SqliteLeaderLock(),
        });
        services.TryAddSingleton<IRunChangeSignal>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value switch
        {
            { ParsedProvider: StorageProvider.Postgres } postgres => new PostgresRunChangeSignal(
                postgres.EffectiveConnectionString, sp.GetRequiredService<ILogger<PostgresRunChangeSignal>>()),
            _ => new SqliteRunChangeSignal(),
        });
        services.TryAddSingleton(sp => new DatabaseMigrator(
            sp.GetRequiredService<SqlDialect>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    internal static SqlDialect CreateDialect(StorageOptions options, DatabaseAvailability? availability) => options.ParsedProvider switch
    {
        StorageProvider.Sqlite => new SqliteDialect(options.EffectiveConnectionString, options.BusyTimeout) { Availability = availability },
        StorageProvider.Postgres => new PostgresDialect(options.EffectiveConnectionString) { Availability = availability },
        _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
    };
}
