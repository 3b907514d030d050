using Airgate.Storage.Migrations;
using Airgate.Storage.Tests.Infrastructure;

namespace Airgate.Storage.Tests;

public abstract partial class RunStoreContract
{
    [StoreFact]
    public async Task Migrate_EmptyDatabase_AppliesEveryVersionAndCreatesTheTables()
    {
        var dialect = await NewEmptyDatabaseAsync();
        var migrator = NewMigrator(dialect);

        var result = await migrator.MigrateAsync();

        result.Applied.Select(m => m.Version).ShouldBe(Enumerable.Range(1, migrator.LatestVersion));
        result.Applied[0].Name.ShouldBe("0001_runs");
        result.CurrentVersion.ShouldBe(migrator.LatestVersion);
        (await CountRowsAsync(dialect, "schema_migrations")).ShouldBe(migrator.LatestVersion);
        (await CountRowsAsync(dialect, "runs")).ShouldBe(0);
        (await CountRowsAsync(dialect, "sync_watermarks")).ShouldBe(0);
    }

    [StoreFact]
    public async Task Migrate_AlreadyCurrent_AppliesNothing()
    {
        var dialect = await NewEmptyDatabaseAsync();
        var first = await NewMigrator(dialect).MigrateAsync();

        var second = await NewMigrator(dialect).MigrateAsync();

        second.Applied.ShouldBeEmpty();
        second.CurrentVersion.ShouldBe(first.CurrentVersion);
        (await CountRowsAsync(dialect, "schema_migrations")).ShouldBe(first.Applied.Count);
    }

    [StoreFact]
    public async Task Migrate_ConcurrentRuns_ApplyEachVersionOnce()
    {
        var dialect = await NewEmptyDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => NewMigrator(dialect).MigrateAsync())));

        results.Sum(r => r.Applied.Count).ShouldBe(NewMigrator(dialect).LatestVersion);
        results.ShouldAllBe(r => r.CurrentVersion == NewMigrator(dialect).LatestVersion);
    }

    [StoreFact]
    public async Task Migrate_DatabaseNewerThanCode_IsRefusedWithAClearMessage()
    {
        await ExecuteAsync(Dialect, "INSERT INTO schema_migrations (version, name, checksum, applied_at) SELECT 9999, '9999_future', 'x', applied_at FROM schema_migrations WHERE version = 1");

        var error = await Should.ThrowAsync<MigrationException>(() => NewMigrator(Dialect).MigrateAsync());

        error.Message.ShouldContain("version 9999");
        error.Message.ShouldContain("newer Airgate");
    }

    [StoreFact]
    public async Task Migrate_AppliedScriptEditedSince_IsRefused()
    {
        await ExecuteAsync(Dialect, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");

        var error = await Should.ThrowAsync<MigrationException>(() => NewMigrator(Dialect).MigrateAsync());

        error.Message.ShouldContain("0001_runs was changed after it was applied");
    }

    [StoreFact]
    public async Task Ping_MigratedDatabase_Succeeds()
    {
        await Should.NotThrowAsync(() => Store.PingAsync());
    }
}
