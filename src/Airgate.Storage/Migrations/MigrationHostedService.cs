using Microsoft.Extensions.Hosting;

namespace Airgate.Storage.Migrations;

/// <summary>Applies migrations when the host starts, before the server accepts requests.</summary>
internal sealed class MigrationHostedService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
