namespace Airgate.Storage.Migrations;

/// <summary>What a migration run did: the versions it applied (empty when the schema was current) and the version now.</summary>
public sealed record MigrationResult(IReadOnlyList<AppliedMigration> Applied, int CurrentVersion);

/// <summary>One migration applied by this run.</summary>
public sealed record AppliedMigration(int Version, string Name);
