using System.Diagnostics.CodeAnalysis;

namespace Airgate.Core.Runs;

/// <summary>
/// An <c>order_by</c> value such as <c>-run_after</c>. Nulls sort as if greater than every value (so they come
/// last ascending and first descending, as on PostgreSQL-backed Airflow); ties are broken by record id in the same
/// direction, so a descending order is exactly the reverse of the ascending one and paging never repeats or skips.
/// </summary>
public sealed record RunOrderBy(RunSortField Field, bool Descending)
{
    private static readonly (string Name, RunSortField Field)[] Names =
    [
        ("run_after", RunSortField.RunAfter),
        ("logical_date", RunSortField.LogicalDate),
        ("start_date", RunSortField.StartDate),
        ("end_date", RunSortField.EndDate),
        ("state", RunSortField.State),
        ("dag_run_id", RunSortField.DagRunId),
        ("dag_id", RunSortField.DagId),
        ("created_at", RunSortField.CreatedAt),
    ];

    /// <summary>The default order: newest <c>run_after</c> first.</summary>
    public static RunOrderBy Default { get; } = new(RunSortField.RunAfter, Descending: true);

    /// <summary>The accepted field names (each may be prefixed with <c>-</c> for descending).</summary>
    public static IReadOnlyList<string> AllowedFields { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>Parses <c>field</c> or <c>-field</c>; null or empty gives <see cref="Default"/>.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out RunOrderBy? orderBy)
    {
        if (string.IsNullOrEmpty(value))
        {
            orderBy = Default;
            return true;
        }

        var descending = value.StartsWith('-');
        var name = descending ? value[1..] : value;
        foreach (var (candidate, field) in Names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                orderBy = new RunOrderBy(field, descending);
                return true;
            }
        }

        orderBy = null;
        return false;
    }

    public override string ToString()
    {
        var name = Names.First(n => n.Field == Field).Name;
        return Descending ? "-" + name : name;
    }
}
