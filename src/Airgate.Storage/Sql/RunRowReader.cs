using System.Data.Common;
using Airgate.Core.Runs;

namespace Airgate.Storage.Sql;

/// <summary>Reads one row selected with <see cref="RunSql.Columns"/> (by position, in that order).</summary>
internal static class RunRowReader
{
    public static RunRecord Read(DbDataReader reader, SqlDialect dialect)
    {
        var ownerId = Text(reader, 4);
        var ownerName = Text(reader, 5);
        return new RunRecord
        {
            Id = reader.GetInt64(0),
            DagId = reader.GetString(1),
            DagRunId = reader.GetString(2),
            Source = Enum.Parse<RunSource>(reader.GetString(3)),
            TriggeredBy = ownerId is null && ownerName is null ? null : new RunOwner(ownerId, ownerName),
            Pipelines = Text(reader, 6),
            Conf = Text(reader, 7),
            Note = Text(reader, 8),
            IdempotencyKey = Text(reader, 9),
            RequestFingerprint = Text(reader, 10),
            RecordState = Enum.Parse<RunRecordState>(reader.GetString(11)),
            FailureReason = Text(reader, 12),
            CreatedAt = dialect.ReadTimestamp(reader, 13),
            UpdatedAt = dialect.ReadTimestamp(reader, 14),
            State = Text(reader, 15),
            RunType = Text(reader, 16),
            LogicalDate = Timestamp(reader, 17, dialect),
            RunAfter = Timestamp(reader, 18, dialect),
            QueuedAt = Timestamp(reader, 19, dialect),
            StartDate = Timestamp(reader, 20, dialect),
            EndDate = Timestamp(reader, 21, dialect),
            AirflowNote = Text(reader, 22),
            AirflowUpdatedAt = Timestamp(reader, 23, dialect),
            LastSyncedAt = Timestamp(reader, 24, dialect),
            RerunOf = Text(reader, 25),
            SchemaHashes = Text(reader, 26),
        };
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Timestamp(DbDataReader reader, int ordinal, SqlDialect dialect) =>
        reader.IsDBNull(ordinal) ? null : dialect.ReadTimestamp(reader, ordinal);
}
