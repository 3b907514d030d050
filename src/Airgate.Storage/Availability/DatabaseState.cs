namespace Airgate.Storage.Availability;

/// <summary>What Airgate knows of its database, as readiness and problems report it.</summary>
public enum DatabaseState
{
    /// <summary>Not tried yet.</summary>
    Starting,

    /// <summary>Reached, migrated, accepting writes.</summary>
    Ready,

    /// <summary>No connection could be opened (down, unreachable, refused, credentials refused).</summary>
    Unreachable,

    /// <summary>Reached, but writes are refused (<c>default_transaction_read_only</c>, a standby, a read-only file).</summary>
    ReadOnly,

    /// <summary>Reached, but its schema cannot be brought to this Airgate's version (a newer schema, an edited script).</summary>
    SchemaRefused,
}
