using System.Globalization;

namespace Airgate.Requests;

/// <summary>Reads query parameters strictly and collects every problem, so one 400 names all bad parameters.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly List<ParameterError> _errors = [];

    public IReadOnlyList<ParameterError> Errors => _errors;

    /// <summary>Whether the parameter was given at all (even empty or repeated).</summary>
    public bool Has(string name) => query.ContainsKey(name);

    public int Int(string name, int defaultValue, int min, int max)
    {
        if (Single(name) is not { } text)
        {
            return defaultValue;
        }

        // A minus sign only where the range has negative values (map_index -1); never '+', spaces or other forms.
        var style = min < 0 && text.StartsWith('-') ? NumberStyles.AllowLeadingSign : NumberStyles.None;
        if (int.TryParse(text, style, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        return Fail(name, $"must be a whole number from {min} to {max}", defaultValue);
    }

    public bool? Bool(string name)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        return text switch
        {
            "true" => true,
            "false" => false,
            _ => Fail<bool?>(name, "must be 'true' or 'false'", null),
        };
    }

    public string? String(string name, int maxLength)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        return Check(name, text, maxLength) ? text : null;
    }

    public IReadOnlyList<string> Strings(string name, int maxLength, int maxCount = 50)
    {
        var values = query[name];
        if (values.Count > maxCount)
        {
            return Fail<IReadOnlyList<string>>(name, $"may be repeated at most {maxCount} times", []);
        }

        var result = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (value is not null && Check(name, value, maxLength))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>Adds a problem found by the caller's own rules (e.g. a value outside a fixed set).</summary>
    public void AddError(string name, string message) => _errors.Add(new ParameterError(name, message));

    private string? Single(string name)
    {
        var values = query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            return Fail<string?>(name, "must be given once", null);
        }

        return values[0];
    }

    private bool Check(string name, string value, int maxLength)
    {
        if (value.Length == 0)
        {
            _errors.Add(new ParameterError(name, "must not be empty"));
            return false;
        }

        if (value.Length > maxLength)
        {
            _errors.Add(new ParameterError(name, $"must be at most {maxLength} characters"));
            return false;
        }

        if (value.Any(char.IsControl))
        {
            _errors.Add(new ParameterError(name, "must not contain control characters"));
            return false;
        }

        return true;
    }

    private T Fail<T>(string name, string message, T fallback)
    {
        _errors.Add(new ParameterError(name, message));
        return fallback;
    }
}
