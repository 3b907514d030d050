using System.Text.Json;
using Airgate.JsonSchema.Compilation;

namespace Airgate.JsonSchema;

/// <summary>Schema documents keyed by URI, for <c>$ref</c> to reach; the 2020-12 meta-schemas are always present.</summary>
public sealed class SchemaRegistry
{
    private static readonly Lazy<SchemaIndex> MetaIndex = new(LoadMetaSchemas);
    private readonly Lock _gate = new();
    private readonly SchemaIndex _index = new();

    /// <summary>Adds a document under <paramref name="uri"/>; its <c>$id</c>s and anchors become reachable too.</summary>
    public void Register(Uri uri, JsonElement document)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{uri}' is not an absolute URI.", nameof(uri));
        }

        var stored = new SchemaDocument(uri, document.Clone());
        lock (_gate)
        {
            _index.AddDocument(stored);
        }
    }

    internal bool TryGet(string key, out SchemaTarget target)
    {
        lock (_gate)
        {
            if (_index.TryGet(key, out target))
            {
                return true;
            }
        }

        return MetaIndex.Value.TryGet(key, out target);
    }

    internal IReadOnlyList<KeyValuePair<string, SchemaTarget>> DynamicAnchors(string resourceKey)
    {
        lock (_gate)
        {
            var own = _index.DynamicAnchors(resourceKey);
            return own.Count > 0 ? own.ToArray() : MetaIndex.Value.DynamicAnchors(resourceKey);
        }
    }

    internal static bool TryGetMeta(string key, out SchemaTarget target) => MetaIndex.Value.TryGet(key, out target);

    internal static IReadOnlyList<KeyValuePair<string, SchemaTarget>> MetaDynamicAnchors(string resourceKey) =>
        MetaIndex.Value.DynamicAnchors(resourceKey);

    private static SchemaIndex LoadMetaSchemas()
    {
        var index = new SchemaIndex();
        var assembly = typeof(SchemaRegistry).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
            using var parsed = JsonDocument.Parse(stream);
            var root = parsed.RootElement.Clone();
            var id = root.GetProperty("$id").GetString() ?? throw new InvalidOperationException($"{name} has no $id.");
            index.AddDocument(new SchemaDocument(new Uri(id), root));
        }

        return index;
    }
}
