using System.Text;
using Airgate.Core.Runs;

namespace Airgate.Storage.Sql;

internal sealed partial class SqlRunStore
{
    public async Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, RunQuery.MaxLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Offset, 0);
        if (BuildListSql(query) is not { } sql)
        {
            return new RunPage([], 0);
        }

        var parameters = sql.Parameters;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginSnapshotReadAsync(connection, cancellationToken);

        long total;
        await using (var count = connection.CreateCommand(sql.CountSql, transaction))
        {
            parameters.ForEach(p => count.AddText(p.Name, p.Value));
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        IReadOnlyList<RunRecord> items = [];
        if (query.Offset < total)
        {
            await using var page = connection.CreateCommand(sql.PageSql(query), transaction);
            parameters.ForEach(p => page.AddText(p.Name, p.Value));
            page.AddInt64("@limit", query.Limit);
            page.AddInt64("@offset", query.Offset);
            items = await ReadAllAsync(page, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RunPage(items, total);
    }

    /// <summary>
    /// The SQL a listing runs (the count and the page share the filters); null when no row can match (a NUL byte).
    /// Apart from <see cref="ListAsync"/> so a test can EXPLAIN exactly these queries.
    /// </summary>
    internal static ListSql? BuildListSql(RunQuery query)
    {
        var states = query.States.Where(s => !StorableText.HasNul(s)).ToList();
        if (StorableText.HasNul(query.DagId) || StorableText.HasNul(query.OwnerId) || StorableText.HasNul(query.OwnerNamePattern)
            || (query.States.Count > 0 && states.Count == 0))
        {
            return null;
        }

        var where = new StringBuilder();
        var parameters = new List<(string Name, string Value)>();
        if (query.DagId is not null)
        {
            where.Append(" AND dag_id = @dag_id");
            parameters.Add(("@dag_id", query.DagId));
        }

        if (query.OwnerId is not null)
        {
            where.Append(" AND triggered_by_id = @owner_id");
            parameters.Add(("@owner_id", query.OwnerId));
        }

        if (query.OwnerNamePattern is not null)
        {
            // A pattern without wildcards is a name: equality uses the owner-name index on both databases.
            var pattern = RunSql.NormalizeLikePattern(query.OwnerNamePattern);
            if (RunSql.LiteralOfLikePattern(pattern) is { } name)
            {
                where.Append(" AND triggered_by_name_folded = @owner_name");
                parameters.Add(("@owner_name", name));
            }
            else
            {
                where.Append(@" AND triggered_by_name_folded LIKE @owner_name ESCAPE '\'");
                parameters.Add(("@owner_name", pattern));
            }
        }

        if (states.Count > 0)
        {
            var names = states.Select((_, i) => "@state" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            where.Append(" AND state IN (").AppendJoin(", ", names).Append(')');
            parameters.AddRange(names.Zip(states));
        }

        var filters = where.ToString();
        // Without an owner filter the total comes from the running totals (a sum over a few rows per workflow and
        // state) instead of counting up to millions of rows; owner filters count an owner's rows through its index.
        var countSql = query.OwnerId is null && query.OwnerNamePattern is null
            ? $"SELECT COALESCE(SUM(delta), 0) FROM run_count_deltas WHERE 1 = 1{filters}"
            : $"SELECT COUNT(*) FROM runs WHERE record_state = 'Confirmed'{filters}";
        return new ListSql(filters, countSql, parameters);
    }

    public async Task CompactTotalsAsync(CancellationToken cancellationToken = default)
    {
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await dialect.FoldCountDeltasAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
