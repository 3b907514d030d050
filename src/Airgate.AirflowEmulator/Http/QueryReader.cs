using System.Globalization;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Http;

/// <summary>Reads query parameters the way FastAPI does, collecting every 422 problem instead of stopping at the first.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly List<ValidationProblem> _problems = [];

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public bool IsValid => _problems.Count == 0;

    public string? String(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;

    public IReadOnlyList<string> Strings(string name) =>
        query.TryGetValue(name, out var values) ? [.. values.OfType<string>()] : [];

    public int Int(string name, int fallback, int? minimum = null)
    {
        var raw = String(name);
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _problems.Add(new("int_parsing", ["query", name], "Input should be a valid integer, unable to parse string as an integer", raw));
            return fallback;
        }

        if (value < minimum)
        {
            _problems.Add(new("greater_than_equal", ["query", name], $"Input should be greater than or equal to {minimum}", raw, new JsonObject { ["ge"] = minimum }));
            return fallback;
        }

        return value;
    }

    public bool? Bool(string name)
    {
        var raw = String(name);
        if (raw is null)
        {
            return null;
        }

        switch (raw.ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on" or "t" or "y":
                return true;
            case "false" or "0" or "no" or "off" or "f" or "n":
                return false;
            default:
                _problems.Add(new("bool_parsing", ["query", name], "Input should be a valid boolean, unable to interpret input", raw));
                return null;
        }
    }

    public DateTimeOffset? Time(string name)
    {
        var raw = String(name);
        if (raw is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            _problems.Add(new("datetime_from_date_parsing", ["query", name], "Input should be a valid datetime or date, invalid character in year", raw));
            return null;
        }

        return value;
    }

    /// <summary>The <c>*_gte</c>/<c>*_gt</c>/<c>*_lte</c>/<c>*_lt</c> filters on one timestamp field.</summary>
    public TimeRange Range(string field) =>
        new(Time($"{field}_gte"), Time($"{field}_gt"), Time($"{field}_lte"), Time($"{field}_lt"));

    /// <summary><c>limit</c> (default 50, silently capped) and <c>offset</c> (default 0).</summary>
    public (int Limit, int Offset) Page(int maximum)
    {
        var limit = Int("limit", 50, minimum: 0);
        var offset = Int("offset", 0, minimum: 0);
        return (Math.Min(limit, maximum), offset);
    }
}

/// <summary>Bounds on a timestamp; a null value fails any bound that is set (SQL comparison with NULL).</summary>
internal sealed record TimeRange(DateTimeOffset? Gte, DateTimeOffset? Gt, DateTimeOffset? Lte, DateTimeOffset? Lt)
{
    public bool IsEmpty => Gte is null && Gt is null && Lte is null && Lt is null;

    /// <summary>The tightest lower bound, taken as inclusive (a superset for <c>_gt</c>); null when none is set.</summary>
    public DateTimeOffset? From => Gte is { } gte && Gt is { } gt ? (gte > gt ? gte : gt) : Gte ?? Gt;

    public bool Contains(DateTimeOffset? value) =>
        IsEmpty || (value is { } v && (Gte is null || v >= Gte) && (Gt is null || v > Gt) && (Lte is null || v <= Lte) && (Lt is null || v < Lt));
}
