using System.Data.Common;

namespace Airgate.Storage.Availability;

/// <summary>
/// Thrown instead of opening a connection while the database has not been reached and migrated since start: the API
/// answers it as any database failure (503 with <c>Retry-After</c>), without touching a schema that may not exist yet.
/// </summary>
public sealed class DatabaseUnavailableException : DbException
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseUnavailableException(DatabaseState state, string message)
        : base(message) => State = state;

    public DatabaseState State { get; } = DatabaseState.Unreachable;
}
