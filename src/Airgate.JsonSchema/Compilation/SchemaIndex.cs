using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Airgate.JsonSchema.Compilation;

/// <summary>Every identifier (<c>$id</c>, <c>$anchor</c>, <c>$dynamicAnchor</c>, draft-07's <c>"$id": "#name"</c>, 2019-09's <c>$recursiveAnchor</c>) found in the documents it was given, by absolute URI.</summary>
/// <param name="defaultDialect">The <c>$schema</c> assumed where a document declares none.</param>
internal sealed class SchemaIndex(string? defaultDialect = null)
{
    private readonly Dictionary<string, SchemaTarget> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KeyValuePair<string, SchemaTarget>>> _dynamicAnchors = new(StringComparer.Ordinal);

    public bool TryGet(string key, out SchemaTarget target) => _targets.TryGetValue(key, out target);

    public IReadOnlyList<KeyValuePair<string, SchemaTarget>> DynamicAnchors(string resourceKey) =>
        _dynamicAnchors.TryGetValue(resourceKey, out var list) ? list : [];

    /// <summary>Indexes a document whose root is (or may be) a schema, under its retrieval URI.</summary>
    public void AddDocument(SchemaDocument document)
    {
        var key = UriHelper.WithoutFragment(document.Uri);
        _targets[key] = new SchemaTarget(document, string.Empty, document.Root, new Uri(key), string.Empty, DialectOf(document.Root));
        Walk(document, document.Root, string.Empty, string.Empty, new Uri(key), null, 0);
    }

    /// <summary>Indexes a subtree reached by pointer (e.g. a schema inside an OpenAPI document).</summary>
    public void AddSubtree(SchemaTarget target) =>
        Walk(target.Document, target.Element, target.Pointer, target.LocalPointer, target.BaseUri, target.Dialect, 0);

    private void Walk(SchemaDocument document, JsonElement element, string pointer, string local, Uri baseUri, string? dialect, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object || depth > 2000 || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return;
        }

        if (element.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String)
        {
            dialect = schema.GetString();
        }

        // Targets carry the base URI around the element; the compiler applies the element's own $id.
        var here = new SchemaTarget(document, pointer, element, baseUri, local, dialect);
        var refOnly = Drafts.Known(dialect ?? defaultDialect) == Draft.V7 && element.TryGetProperty("$ref", out _);
        var id = element.TryGetProperty("$id", out var idValue) && !refOnly ? idValue : default;
        if (id.ValueKind == JsonValueKind.String
            && SchemaCompiler.IsBaseChange(id.GetString()) && TryResolve(baseUri, id.GetString() ?? string.Empty, out var resolved))
        {
            baseUri = new Uri(UriHelper.WithoutFragment(resolved));
            local = string.Empty;
            _targets.TryAdd(UriHelper.WithoutFragment(baseUri), here);
        }

        var resourceKey = UriHelper.WithoutFragment(baseUri);
        if (id.ValueKind == JsonValueKind.String && id.GetString() is ['#', .. var plainName] && plainName.Length > 0 && plainName[0] != '/')
        {
            _targets.TryAdd(resourceKey + "#" + plainName, here);
        }

        if (element.TryGetProperty("$recursiveAnchor", out var recursiveAnchor) && recursiveAnchor.ValueKind == JsonValueKind.True)
        {
            if (!_dynamicAnchors.TryGetValue(resourceKey, out var recursive))
            {
                _dynamicAnchors[resourceKey] = recursive = [];
            }

            recursive.Add(new(Keywords.DynamicRefKeyword.RecursiveAnchor, here));
        }
        if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            _targets.TryAdd(resourceKey + "#" + anchor.GetString(), here);
        }

        if (element.TryGetProperty("$dynamicAnchor", out var dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
        {
            var name = dynamicAnchor.GetString() ?? string.Empty;
            _targets.TryAdd(resourceKey + "#" + name, here);
            if (!_dynamicAnchors.TryGetValue(resourceKey, out var list))
            {
                _dynamicAnchors[resourceKey] = list = [];
            }

            list.Add(new(name, here));
        }

        foreach (var property in element.EnumerateObject())
        {
            var childPointer = JsonPointer.Append(pointer, property.Name);
            var childLocal = JsonPointer.Append(local, property.Name);
            var value = property.Value;
            if (SubschemaKeywords.Map.Contains(property.Name) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    Walk(document, entry.Value, JsonPointer.Append(childPointer, entry.Name), JsonPointer.Append(childLocal, entry.Name), baseUri, dialect, depth + 1);
                }
            }
            else if (SubschemaKeywords.Array.Contains(property.Name) && value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(document, item, JsonPointer.Append(childPointer, i), JsonPointer.Append(childLocal, i++), baseUri, dialect, depth + 1);
                }
            }
            else if (SubschemaKeywords.Single.Contains(property.Name))
            {
                Walk(document, value, childPointer, childLocal, baseUri, dialect, depth + 1);
            }
        }
    }

    /// <summary>The <c>$schema</c> an element declares, if any.</summary>
    internal static string? DialectOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String ? schema.GetString() : null;

    private static bool TryResolve(Uri baseUri, string reference, out Uri resolved)
    {
        try
        {
            resolved = UriHelper.Resolve(baseUri, reference);
            return true;
        }
        catch (UriFormatException)
        {
            resolved = baseUri;
            return false;
        }
    }
}
