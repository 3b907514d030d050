using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Requests;

/// <summary>One bound property of an <see cref="IBoundRequest"/> and the rules its attributes give it.</summary>
internal sealed record RequestField(
    PropertyInfo Property,
    string Name,
    bool InHeader,
    string? Description,
    object? Default,
    RangeAttribute? Range,
    int MaxLength,
    int MaxCount,
    IReadOnlyList<string>? Allowed)
{
    public static RequestField? From(PropertyInfo property)
    {
        var query = property.GetCustomAttribute<FromQueryAttribute>();
        var header = property.GetCustomAttribute<FromHeaderAttribute>();
        var name = query?.Name ?? header?.Name;
        if (name is null)
        {
            return null;
        }

        return new RequestField(
            property,
            name,
            header is not null,
            property.GetCustomAttribute<DescriptionAttribute>()?.Description,
            property.GetCustomAttribute<DefaultValueAttribute>()?.Value,
            property.GetCustomAttribute<RangeAttribute>(),
            property.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? 250,
            property.GetCustomAttribute<LengthAttribute>()?.MaximumLength ?? 50,
            property.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Select(v => v?.ToString() ?? string.Empty).ToArray());
    }

    public bool IsRepeated => Property.PropertyType == typeof(IReadOnlyList<string>);
}
