using Airgate.Core.Runs;

namespace Airgate.Storage.Sql;

/// <summary>A listing's SQL: the shared filters, the total's query, and its parameters (names with <c>@</c>).</summary>
internal sealed record ListSql(string Filters, string CountSql, List<(string Name, string Value)> Parameters)
{
    public string PageSql(RunQuery query) =>
        $"SELECT {RunSql.Columns} FROM runs WHERE record_state = 'Confirmed'{Filters} ORDER BY {RunSql.OrderBy(query.OrderBy)} LIMIT @limit OFFSET @offset";
}
