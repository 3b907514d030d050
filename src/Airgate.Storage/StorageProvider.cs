namespace Airgate.Storage;

/// <summary>The database holding run records.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file (the default: nothing to set up).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (production).</summary>
    Postgres,
}
