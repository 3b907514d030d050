using System.Text.Json;

namespace Airgate.JsonSchema.Compilation;

/// <summary>A place a reference can land: an element of a document, its pointer from the document root, and the base URI in force there.</summary>
/// <param name="Document">The document holding the element.</param>
/// <param name="Pointer">JSON Pointer from the document root.</param>
/// <param name="Element">The schema element itself.</param>
/// <param name="BaseUri">The base URI of the enclosing schema resource.</param>
/// <param name="LocalPointer">JSON Pointer from the root of the enclosing schema resource.</param>
/// <param name="Dialect">The <c>$schema</c> in force, when one was declared.</param>
internal readonly record struct SchemaTarget(SchemaDocument Document, string Pointer, JsonElement Element, Uri BaseUri, string LocalPointer, string? Dialect)
{
    /// <summary>The absolute location of this schema, for error reports.</summary>
    public string AbsoluteLocation => BaseUri == UriHelper.DefaultBase
        ? "#" + LocalPointer
        : UriHelper.WithoutFragment(BaseUri) + "#" + LocalPointer;
}
