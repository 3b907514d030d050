using System.Collections.Concurrent;
using System.Reflection;

namespace Airgate.Requests;

/// <summary>
/// Binds an <see cref="IBoundRequest"/> record from the query string and headers by its properties' attributes
/// (<c>[FromQuery(Name)]</c>/<c>[FromHeader(Name)]</c>, <c>[Range]</c>, <c>[MaxLength]</c>, <c>[AllowedValues]</c>,
/// <c>[Length]</c> for repeats, <c>[DefaultValue]</c>), with the strict rules of <see cref="QueryReader"/>. ASP.NET's own
/// binding stops at the first bad value with a generic message; this collects every one.
/// </summary>
internal static class RequestBinder
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<RequestField>> Fields = new();

    public static ValueTask<T?> BindAsync<T>(HttpContext context)
        where T : class, IBoundRequest, new()
    {
        var query = new QueryReader(context.Request.Query);
        var headerErrors = new List<ParameterError>();
        var request = new T();
        foreach (var field in FieldsOf(typeof(T)))
        {
            var value = field.InHeader ? ReadHeader(context.Request.Headers, field, headerErrors) : ReadQuery(query, field);
            field.Property.SetValue(request, value);
        }

        var errorsProperty = typeof(T).GetProperty(nameof(IBoundRequest.Errors))
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no Errors property.");
        errorsProperty.SetValue(request, (IReadOnlyList<ParameterError>)[.. query.Errors, .. headerErrors]);
        return ValueTask.FromResult<T?>(request);
    }

    /// <summary>The bound fields of a request type, in declaration order (also read by the OpenAPI transformer).</summary>
    public static IReadOnlyList<RequestField> FieldsOf(Type type) => Fields.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(RequestField.From)
            .OfType<RequestField>()]);

    private static object? ReadQuery(QueryReader query, RequestField field)
    {
        var type = field.Property.PropertyType;
        if (type == typeof(int))
        {
            var range = field.Range ?? throw new InvalidOperationException($"'{field.Name}' needs a [Range].");
            return query.Int(field.Name, (int)(field.Default ?? 0), (int)range.Minimum, (int)range.Maximum);
        }

        if (type == typeof(int?))
        {
            var range = field.Range ?? throw new InvalidOperationException($"'{field.Name}' needs a [Range].");
            return query.Has(field.Name) ? query.Int(field.Name, 0, (int)range.Minimum, (int)range.Maximum) : null;
        }

        if (type == typeof(bool))
        {
            return query.Bool(field.Name) ?? (bool)(field.Default ?? false);
        }

        if (type == typeof(bool?))
        {
            return query.Bool(field.Name);
        }

        if (type == typeof(string))
        {
            var text = query.String(field.Name, field.MaxLength);
            CheckAllowed(query, field, text is null ? [] : [text]);
            return text ?? (string?)field.Default;
        }

        var values = query.Strings(field.Name, field.MaxLength, field.MaxCount);
        CheckAllowed(query, field, values);
        return values;
    }

    private static void CheckAllowed(QueryReader query, RequestField field, IEnumerable<string> values)
    {
        if (field.Allowed is not { } allowed)
        {
            return;
        }

        foreach (var value in values.Where(v => !allowed.Contains(v, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            query.AddError(field.Name, $"'{value}' is not one of: {string.Join(", ", allowed)}");
        }
    }

    // Headers are opaque tokens: one value of printable ASCII within the field's length.
    private static string? ReadHeader(IHeaderDictionary headers, RequestField field, List<ParameterError> errors)
    {
        var values = headers[field.Name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || values[0] is not { } value)
        {
            errors.Add(new ParameterError(field.Name, "must be given once"));
            return null;
        }

        if (value.Length == 0 || value.Length > field.MaxLength || value.Any(c => c is < ' ' or > '~'))
        {
            errors.Add(new ParameterError(field.Name, $"must be 1 to {field.MaxLength} printable ASCII characters"));
            return null;
        }

        return value;
    }
}
