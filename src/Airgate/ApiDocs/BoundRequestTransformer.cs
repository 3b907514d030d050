using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Airgate.Requests;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.ApiDocs;

/// <summary>
/// Declares the query parameters and headers of every handler argument that is an <see cref="IBoundRequest"/>, from
/// the same properties and attributes <see cref="RequestBinder"/> binds by: type, default, bounds, enum, description.
/// </summary>
internal sealed class BoundRequestTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        var requestTypes = handler?.GetParameters().Select(p => p.ParameterType).Where(t => typeof(IBoundRequest).IsAssignableFrom(t)) ?? [];
        foreach (var type in requestTypes)
        {
            operation.Parameters ??= [];
            foreach (var field in RequestBinder.FieldsOf(type))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = field.Name,
                    In = field.InHeader ? ParameterLocation.Header : ParameterLocation.Query,
                    Description = field.Description,
                    Required = false,
                    Schema = SchemaOf(field),
                });
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaOf(RequestField field)
    {
        var type = field.Property.PropertyType;
        if (type == typeof(int) || type == typeof(int?))
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = field.Range?.Minimum.ToString()?.ToString(CultureInfo.InvariantCulture),
                Maximum = field.Range?.Maximum.ToString()?.ToString(CultureInfo.InvariantCulture),
                Default = field.Default is int number ? JsonValue.Create(number) : null,
            };
        }

        if (type == typeof(bool) || type == typeof(bool?))
        {
            return new OpenApiSchema
            {
                Type = JsonSchemaType.Boolean,
                Default = field.Default is bool flag ? JsonValue.Create(flag) : null,
            };
        }

        var text = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MinLength = 1,
            MaxLength = field.MaxLength,
            Enum = field.Allowed?.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
            Default = field.Default is string word ? JsonValue.Create(word) : null,
        };
        if (field.InHeader)
        {
            text.Pattern = "^[ -~]+$";
        }

        return field.IsRepeated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = text, MaxItems = field.MaxCount } : text;
    }
}
