using System.Text;
using Airgate.Core.Runs;

namespace Airgate.Storage.Sql;

/// <summary>The SQL both databases share: the column list, the <c>order_by</c> whitelist and LIKE pattern handling.</summary>
internal static class RunSql
{
    public const string Columns =
        "id, dag_id, dag_run_id, source, triggered_by_id, triggered_by_name, pipelines, conf, note, idempotency_key, " +
        "request_fingerprint, record_state, failure_reason, created_at, updated_at, state, run_type, logical_date, " +
        "run_after, queued_at, start_date, end_date, airflow_note, airflow_updated_at, last_synced_at, rerun_of, schema_hashes";

    /// <summary>
    /// Nulls sort as greater than any value on both databases (SQLite's own default is the opposite), and the id
    /// tiebreak follows the direction so the order is total: pages never overlap or leave gaps.
    /// </summary>
    public static string OrderBy(RunOrderBy orderBy)
    {
        var column = orderBy.Field switch
        {
            RunSortField.RunAfter => "run_after",
            RunSortField.LogicalDate => "logical_date",
            RunSortField.StartDate => "start_date",
            RunSortField.EndDate => "end_date",
            RunSortField.State => "state",
            RunSortField.DagRunId => "dag_run_id",
            RunSortField.DagId => "dag_id",
            RunSortField.CreatedAt => "created_at",
            _ => throw new ArgumentOutOfRangeException(nameof(orderBy), orderBy.Field, "Unknown sort field."),
        };
        return orderBy.Descending
            ? $"{column} DESC NULLS FIRST, id DESC"
            : $"{column} ASC NULLS LAST, id ASC";
    }

    /// <summary>
    /// Owner names are matched case-insensitively against a copy folded in .NET (not by the database's
    /// <c>lower()</c> or <c>ILIKE</c>, which differ between SQLite and PostgreSQL beyond ASCII).
    /// </summary>
    public static string? FoldName(string? name) => name?.ToLowerInvariant();

    /// <summary>
    /// Rewrites a user's LIKE pattern (escape <c>\</c>) into a canonical, folded one that means the same on both
    /// databases: only <c>\%</c>, <c>\_</c> and <c>\\</c> escapes remain (<c>\x</c> becomes <c>x</c>) and a trailing
    /// lone <c>\</c> becomes a literal backslash (PostgreSQL would reject it, SQLite would match nothing).
    /// </summary>
    public static string NormalizeLikePattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 2);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 == pattern.Length)
            {
                builder.Append(@"\\");
                break;
            }

            var next = pattern[++i];
            if (next is '%' or '_' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(next);
        }

        return FoldName(builder.ToString()) ?? string.Empty;
    }

    /// <summary>The text a normalized pattern matches when it has no wildcard (escapes removed); null when it has one.</summary>
    public static string? LiteralOfLikePattern(string normalized)
    {
        var builder = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            switch (normalized[i])
            {
                case '%' or '_':
                    return null;
                case '\\' when i + 1 < normalized.Length:
                    builder.Append(normalized[++i]);
                    break;
                default:
                    builder.Append(normalized[i]);
                    break;
            }
        }

        return builder.ToString();
    }
}
