using System.Text.Json;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Compilation;

/// <summary>What a keyword factory sees while compiling: its value, its siblings, and a way to compile subschemas.</summary>
internal sealed class KeywordContext(SchemaCompiler compiler, SchemaTarget node, Vocabularies vocabularies, Draft draft)
{
    public Draft Draft { get; } = draft;

    public SchemaTarget Node { get; } = node;

    public Vocabularies Vocabularies { get; } = vocabularies;

    public string Name { get; private set; } = string.Empty;

    public JsonElement Value { get; private set; }

    public SchemaOptions Options => compiler.Options;

    public SchemaCompiler Compiler => compiler;

    public string AbsoluteLocation => AbsoluteLocationOf(Name);

    /// <summary>The keyword's own segment of a keyword location, e.g. <c>/properties</c>.</summary>
    public string Segment => "/" + JsonPointer.Escape(Name);

    public void MoveTo(string name, JsonElement value)
    {
        Name = name;
        Value = value;
    }

    public string AbsoluteLocationOf(string keyword) => Node.AbsoluteLocation + "/" + JsonPointer.Escape(keyword);

    public bool TryGetSibling(string name, out JsonElement value) => Node.Element.TryGetProperty(name, out value);

    /// <summary>Compiles the subschema at <paramref name="relative"/> (an escaped pointer starting at the keyword, e.g. <c>/properties/foo</c>).</summary>
    public SchemaNode Subschema(JsonElement element, string relative) =>
        compiler.Compile(Node with
        {
            Pointer = Node.Pointer + relative,
            LocalPointer = Node.LocalPointer + relative,
            Element = element,
        });

    public InvalidSchemaException Invalid(string message) => new(message, Node.Pointer + Segment);

    public int NonNegativeInteger()
    {
        if (Value.ValueKind == JsonValueKind.Number && Value.TryGetDecimal(out var number) && number >= 0 && decimal.Truncate(number) == number)
        {
            return number > int.MaxValue ? int.MaxValue : (int)number;
        }

        throw Invalid($"'{Name}' must be a non-negative integer.");
    }
}
