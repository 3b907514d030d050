using System.Text.Json.Nodes;

namespace Airgate.Core.Registry;

/// <summary>
/// Lays out a child's resolved schema: its own schema, plus each parent's resolved schema under
/// <c>$defs/&lt;reference as written&gt;</c>. Parents' <c>$defs</c> (grandparents included) are hoisted to the child's
/// root <c>$defs</c>, and a parent's local <c>$ref</c>s that pointed at its own root are rewritten to point at its new
/// place, so every <c>$ref</c> in the result resolves inside the result, with no embedded <c>$id</c> needed. An embedded
/// parent loses its top-level <c>$schema</c>, <c>$id</c> and <c>unevaluatedProperties</c> (so a closed parent can still
/// be extended).
/// </summary>
internal static class InheritanceLayout
{
    /// <summary>A parent to embed: the <c>inherits</c> index, the reference as written, and the parent's resolved schema.</summary>
    public sealed record Parent(int Index, string Key, JsonNode Schema);

    /// <summary>Composes the resolved schema; conflicts are added as (pointer relative to <c>inherits</c>, message).</summary>
    public static JsonNode? Compose(JsonNode ownSchema, IReadOnlyList<Parent> parents, List<(string Pointer, string Message)> conflicts)
    {
        var result = ownSchema.DeepClone();
        if (parents.Count == 0)
        {
            return result;
        }

        if (result is not JsonObject root)
        {
            conflicts.Add((string.Empty, "A profile that inherits needs an object parameter schema, so its parents can be placed under $defs."));
            return null;
        }

        if (root["$defs"] is not JsonObject defs)
        {
            if (root.ContainsKey("$defs"))
            {
                conflicts.Add((string.Empty, "The parameter schema's $defs must be an object."));
                return null;
            }

            root["$defs"] = defs = [];
        }

        foreach (var parent in parents)
        {
            var embedded = parent.Schema.DeepClone();
            if (embedded is JsonObject parentRoot)
            {
                RewriteLocalReferences(parentRoot, parent.Key);
                if (parentRoot["$defs"] is JsonObject hoisted)
                {
                    foreach (var (name, definition) in hoisted.ToList())
                    {
                        AddDefinition(defs, name, definition, parent, conflicts);
                    }
                }

                parentRoot.Remove("$defs");
                // $schema belongs on a resource root and $id would move the base URI the rewritten refs rely on.
                parentRoot.Remove("$schema");
                parentRoot.Remove("$id");
                // A parent closed with the SPEC's idiom (unevaluatedProperties: false at its top) would reject every
                // property its child adds; as a parent it is opened, and the child's own top level decides closure.
                parentRoot.Remove("unevaluatedProperties");
            }

            AddDefinition(defs, parent.Key, embedded, parent, conflicts);
        }

        return root;
    }

    /// <summary>
    /// Lays out parents a profile already carries under <c>$defs/&lt;key&gt;</c> (CAPE's DynamoDB layout, where the writer
    /// copied each parent's schema there) exactly as <see cref="Compose"/> would have placed them: each carried parent's
    /// own <c>$defs</c> are hoisted just before it, its root <c>$ref</c>s rewritten, and its <c>$schema</c>, <c>$id</c> and
    /// <c>unevaluatedProperties</c> removed. A parent already laid out this way is left as it is, so a registry pushed
    /// from a directory reads back byte for byte.
    /// </summary>
    public static void NormaliseEmbedded(JsonObject root, IReadOnlyList<string> keys, List<(string Pointer, string Message)> conflicts)
    {
        if (root["$defs"] is not JsonObject defs)
        {
            return;
        }

        var entries = defs.ToList();
        defs.Clear();
        foreach (var (name, definition) in entries)
        {
            if (!keys.Contains(name, StringComparer.Ordinal) || definition is not JsonObject parentRoot)
            {
                AddCarried(defs, name, definition, conflicts);
                continue;
            }

            RewriteLocalReferences(parentRoot, name);
            if (parentRoot["$defs"] is JsonObject hoisted)
            {
                parentRoot.Remove("$defs");
                foreach (var (hoistedName, hoistedDefinition) in hoisted.ToList())
                {
                    hoisted.Remove(hoistedName);
                    AddCarried(defs, hoistedName, hoistedDefinition, conflicts);
                }
            }

            parentRoot.Remove("$schema");
            parentRoot.Remove("$id");
            parentRoot.Remove("unevaluatedProperties");
            AddCarried(defs, name, parentRoot, conflicts);
        }
    }

    /// <summary>The <c>$ref</c> that reaches a parent embedded under <paramref name="key"/>.</summary>
    public static string ReferenceTo(string key) => "#" + JsonPointer.ToUriFragment(JsonPointer.Append("/$defs", key));

    private static void AddDefinition(JsonObject defs, string name, JsonNode? definition, Parent parent, List<(string Pointer, string Message)> conflicts)
    {
        if (defs[name] is { } existing)
        {
            if (!JsonNode.DeepEquals(existing, definition))
            {
                conflicts.Add(($"/{parent.Index}", $"Inheriting '{parent.Key}' brings $defs/{name}, which differs from the $defs/{name} already in this schema (its own or another parent's); rename one of them."));
            }

            return;
        }

        defs[name] = definition?.DeepClone();
    }

    private static void AddCarried(JsonObject defs, string name, JsonNode? definition, List<(string Pointer, string Message)> conflicts)
    {
        if (defs[name] is { } existing)
        {
            if (!JsonNode.DeepEquals(existing, definition))
            {
                conflicts.Add((string.Empty, $"A carried parent brings $defs/{name}, which differs from the $defs/{name} already in this schema; rename one of them."));
            }

            return;
        }

        defs[name] = definition;
    }

    private static void RewriteLocalReferences(JsonObject parentRoot, string key)
    {
        var target = ReferenceTo(key);
        foreach (var (_, schema) in SchemaWalker.ObjectSchemas(parentRoot).ToList())
        {
            if (schema["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference))
            {
                if (reference == "#")
                {
                    schema["$ref"] = target;
                }
                else if (reference.StartsWith("#/", StringComparison.Ordinal) && !reference.StartsWith("#/$defs/", StringComparison.Ordinal))
                {
                    schema["$ref"] = target + reference[1..];
                }
            }
        }
    }
}
