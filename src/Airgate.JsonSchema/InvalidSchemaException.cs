namespace Airgate.JsonSchema;

/// <summary>Thrown when a schema cannot be compiled (unresolvable <c>$ref</c>, wrong keyword type, ...).</summary>
public sealed class InvalidSchemaException : Exception
{
    /// <summary>Creates the exception with the JSON Pointer of the offending keyword.</summary>
    public InvalidSchemaException(string message, string schemaLocation)
        : base(message) => SchemaLocation = schemaLocation;

    /// <summary>JSON Pointer of the offending keyword in the schema.</summary>
    public string SchemaLocation { get; }
}
