namespace Airgate.Storage.Migrations;

/// <summary>The database's schema cannot be brought to the version this Airgate expects; the message says why and what to do.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
