using Microsoft.Extensions.Logging;

namespace Airgate.Storage.Availability;

/// <summary>
/// The one record of whether Airgate's database can be used: set by the start-up migration and its retries, by the
/// readiness probe and by writes the database refused; read by readiness, problems and the background loops. Each
/// change of state is logged once (naming the setting and the server, never the password); repeats go to Debug.
/// </summary>
public sealed partial class DatabaseAvailability
{
    private readonly ILogger<DatabaseAvailability> _logger;
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private (DatabaseState State, string? Reason) _current = (DatabaseState.Starting, null);

    public DatabaseAvailability(string endpoint, ILogger<DatabaseAvailability> logger)
    {
        Endpoint = endpoint;
        _logger = logger;
    }

    /// <summary>The setting and the server it names (<see cref="DatabaseEndpoint.Describe"/>).</summary>
    public string Endpoint { get; }

    public DatabaseState State => _current.State;

    /// <summary>Completes once the schema is migrated; the mirror's loops wait for it.</summary>
    public Task WhenMigrated => _migrated.Task;

    public bool IsMigrated => _migrated.Task.IsCompleted;

    /// <summary>What readiness and problems say about the current state, in one line.</summary>
    public string Describe()
    {
        var (state, reason) = _current;
        return state switch
        {
            DatabaseState.Ready => $"The database answers and accepts writes ({Endpoint})",
            DatabaseState.Starting => $"The database has not been reached yet ({Endpoint})",
            DatabaseState.Unreachable => $"The database cannot be reached ({Endpoint}): {reason}; retrying",
            DatabaseState.ReadOnly => $"The database is read-only: it accepts reads but refuses writes ({Endpoint}): {reason}",
            _ => $"The database's schema cannot be used ({Endpoint}): {reason}",
        };
    }

    /// <summary>The schema is at this Airgate's version: ready, and the waiting loops may start.</summary>
    public void ReportMigrated()
    {
        Set(DatabaseState.Ready, null);
        _migrated.TrySetResult();
    }

    /// <summary>A connection, a migration or a write failed; <paramref name="exception"/> says how (never logged with its stack).</summary>
    public void ReportFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var state = DatabaseFailures.IsReadOnly(exception) ? DatabaseState.ReadOnly : DatabaseState.Unreachable;
        Set(state, DatabaseFailures.Reason(exception));
    }

    /// <summary>The probe saw the database refuse writes (e.g. <c>transaction_read_only</c> is on).</summary>
    public void ReportReadOnly(string reason) => Set(DatabaseState.ReadOnly, reason);

    /// <summary>The schema cannot be migrated (a newer or edited schema): an operator must act.</summary>
    public void ReportSchemaRefused(string reason) => Set(DatabaseState.SchemaRefused, reason);

    /// <summary>The probe reached a migrated database that accepts writes.</summary>
    public void ReportWritable()
    {
        if (IsMigrated)
        {
            Set(DatabaseState.Ready, null);
        }
    }

    private void Set(DatabaseState state, string? reason)
    {
        DatabaseState previous;
        lock (_gate)
        {
            previous = _current.State;
            _current = (state, reason);
        }

        var described = Describe();
        if (state == previous)
        {
            if (state != DatabaseState.Ready)
            {
                LogStill(_logger, described);
            }

            return;
        }

        switch (state)
        {
            case DatabaseState.Ready:
                LogReady(_logger, Endpoint, previous);
                break;
            case DatabaseState.SchemaRefused:
                LogSchemaRefused(_logger, described);
                break;
            default:
                LogUnavailable(_logger, described);
                break;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Problem}. Airgate keeps running and is not ready until it can write (requests that need the database answer 503)")]
    private static partial void LogUnavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Problem}. Airgate keeps running and is not ready; the schema is tried again with backoff")]
    private static partial void LogSchemaRefused(ILogger logger, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The database is ready ({Endpoint}; was {Previous})")]
    private static partial void LogReady(ILogger logger, string endpoint, DatabaseState previous);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "{Problem} (unchanged)")]
    private static partial void LogStill(ILogger logger, string problem);
}
