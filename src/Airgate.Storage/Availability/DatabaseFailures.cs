using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Airgate.Storage.Availability;

/// <summary>Tells the database's failures apart (gone, read-only) and words them in one line without connection details.</summary>
public static class DatabaseFailures
{
    // PostgreSQL's read_only_sql_transaction: a write in a read-only transaction (default_transaction_read_only, a standby).
    private const string PostgresReadOnly = "25006";

    // SQLITE_READONLY: the file (or the connection) does not accept writes.
    private const int SqliteReadOnly = 8;

    /// <summary>True when the database itself failed (a <see cref="DbException"/> anywhere in the chain), not the request.</summary>
    public static bool IsDatabaseFailure(Exception exception) => Chain(exception).Any(e => e is DbException);

    /// <summary>True when the database was reached but refused to write.</summary>
    public static bool IsReadOnly(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException postgres => postgres.SqlState == PostgresReadOnly,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteReadOnly,
        DatabaseUnavailableException unavailable => unavailable.State == DatabaseState.ReadOnly,
        _ => false,
    });

    /// <summary>True when a connection could not be opened or was lost (as opposed to a statement the server refused).</summary>
    internal static bool IsConnectionFailure(Exception exception) =>
        Chain(exception).Any(e => e is NpgsqlException and not PostgresException or SqliteException or SocketException or IOException or TimeoutException);

    /// <summary>The failure in one line: the server's words (SQLSTATE and message) or the innermost cause, never a stack trace.</summary>
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = Chain(exception).OfType<PostgresException>().FirstOrDefault() is { } postgres
            ? $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})"
            : exception.GetBaseException().Message;
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "...";
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
