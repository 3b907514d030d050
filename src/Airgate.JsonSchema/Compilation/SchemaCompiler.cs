using System.Runtime.CompilerServices;
using System.Text.Json;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Keywords;

namespace Airgate.JsonSchema.Compilation;

/// <summary>Turns schema JSON into <see cref="SchemaNode"/> trees, compiling only the subschemas that are reachable.</summary>
internal sealed class SchemaCompiler(SchemaOptions options)
{
    private const int MaxDepth = 1000;
    private readonly SchemaIndex _local = new(options.DefaultDialect?.OriginalString);
    private readonly Dictionary<(SchemaDocument, string), SchemaNode> _nodes = [];
    private readonly Dictionary<string, SchemaResource> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<(SchemaDocument, string)> _indexedSubtrees = [];
    private readonly Dictionary<string, Regexes.EcmaPattern> _regexes = new(StringComparer.Ordinal);
    private int _depth;

    public SchemaOptions Options { get; } = options;

    public SchemaNode CompileDocument(JsonElement schema)
    {
        var document = new SchemaDocument(Options.BaseUri ?? UriHelper.DefaultBase, schema.Clone());
        _local.AddDocument(document);
        _local.TryGet(UriHelper.WithoutFragment(document.Uri), out var root);
        return Relocate(Compile(root));
    }

    public SchemaNode CompileUri(Uri uri) => Relocate(Compile(Resolve(uri, string.Empty)));

    /// <summary>
    /// Copies each node's keyword array and keywords, in compilation order, into fresh consecutive memory: evaluation walks
    /// them per property, and left where they were built they are spread between location strings, one cache miss each.
    /// </summary>
    private SchemaNode Relocate(SchemaNode root)
    {
        foreach (var node in _nodes.Values)
        {
            var keywords = new Keyword[node.Keywords.Length];
            for (var i = 0; i < keywords.Length; i++)
            {
                keywords[i] = node.Keywords[i].Relocated();
            }

            node.Keywords = keywords;
        }

        return root;
    }

    public SchemaTarget Resolve(Uri uri, string location)
    {
        var key = UriHelper.Key(uri);
        if (TryLookup(key, out var target))
        {
            return target;
        }

        var fragment = UriHelper.Fragment(uri);
        if ((fragment.Length == 0 || fragment[0] == '/') && TryLookup(UriHelper.WithoutFragment(uri), out var resource))
        {
            var found = Walk(resource, fragment, location);
            if (_indexedSubtrees.Add((found.Document, found.Pointer)))
            {
                _local.AddSubtree(found);
            }

            return found;
        }

        throw new InvalidSchemaException($"The reference '{uri.OriginalString}' cannot be resolved: no registered document or identifier matches it (nothing is fetched from the network).", location);
    }

    public static Uri ResolveReference(SchemaTarget node, string reference, string location)
    {
        try
        {
            return UriHelper.Resolve(node.BaseUri, reference);
        }
        catch (UriFormatException e)
        {
            throw new InvalidSchemaException($"The reference '{reference}' is not a valid URI: {e.Message}", location);
        }
    }

    /// <summary>The compiled regular expression for a pattern, shared by every keyword of this schema that uses it.</summary>
    public Regexes.EcmaPattern Regex(string pattern, string location)
    {
        if (!_regexes.TryGetValue(pattern, out var regex))
        {
            try
            {
                regex = Regexes.EcmaRegex.Create(pattern, Options.RegexTimeout);
            }
            catch (ArgumentException e)
            {
                throw new InvalidSchemaException($"'{pattern}' is not a valid regular expression: {e.Message}", location);
            }

            _regexes[pattern] = regex;
        }

        return regex;
    }

    public SchemaNode Compile(SchemaTarget target)
    {
        if (_nodes.TryGetValue((target.Document, target.Pointer), out var existing))
        {
            return existing;
        }

        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InvalidSchemaException($"The schema nests deeper than {MaxDepth} levels.", target.Pointer);
        }

        _depth++;
        try
        {
            return CompileNew(target);
        }
        finally
        {
            _depth--;
        }
    }

    private SchemaNode CompileNew(SchemaTarget target)
    {
        var element = target.Element;
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            var constant = new SchemaNode(target.AbsoluteLocation, GetResource(target, out _)) { Constant = element.ValueKind == JsonValueKind.True };
            _nodes[(target.Document, target.Pointer)] = constant;
            return constant;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidSchemaException($"A schema must be an object or a boolean, not {element.ValueKind.ToString().ToLowerInvariant()}.", target.Pointer);
        }

        if (element.TryGetProperty("$schema", out var dialect) && dialect.ValueKind == JsonValueKind.String)
        {
            target = target with { Dialect = dialect.GetString() };
        }

        var draft = DraftOf(target.Dialect);

        // Draft-07: a $ref overrides every sibling, $id included.
        var refOnly = draft == Draft.V7 && element.TryGetProperty("$ref", out _);
        if (!refOnly && element.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String && IsBaseChange(id.GetString()))
        {
            var resolved = new Uri(UriHelper.WithoutFragment(ResolveReference(target, id.GetString() ?? string.Empty, target.Pointer + "/$id")));
            target = target with { BaseUri = resolved, LocalPointer = string.Empty };
        }

        var resource = GetResource(target, out var isNew);
        var node = new SchemaNode(target.AbsoluteLocation, resource);
        _nodes[(target.Document, target.Pointer)] = node;
        if (isNew)
        {
            CompileDynamicAnchors(resource);
        }

        var vocabularies = VocabulariesOf(target.Dialect, target.Pointer);
        var context = new KeywordContext(this, target, vocabularies, draft);
        var keywords = new List<Keyword>();
        var last = new List<Keyword>();
        foreach (var property in element.EnumerateObject())
        {
            if ((refOnly && property.Name != "$ref") || !KeywordTable.TryGet(property.Name, draft, out var entry) || (entry.Vocabulary & vocabularies) == 0)
            {
                continue;
            }

            context.MoveTo(property.Name, property.Value);
            if (entry.Factory(context) is { } keyword)
            {
                (entry.EvaluateLast ? last : keywords).Add(keyword);
            }
        }

        node.TracksEvaluated = last.Count > 0;
        keywords.AddRange(last);
        if (Options.CustomErrorMessages && element.TryGetProperty("errorMessage", out var custom) && custom.ValueKind == JsonValueKind.String && custom.GetString() is { Length: > 0 } text)
        {
            foreach (var keyword in keywords)
            {
                keyword.CustomMessage = text;
            }
        }

        node.Keywords = [.. keywords];
        return node;
    }

    private SchemaResource GetResource(SchemaTarget target, out bool isNew)
    {
        var key = UriHelper.WithoutFragment(target.BaseUri);
        isNew = !_resources.TryGetValue(key, out var resource);
        if (resource is null)
        {
            _resources[key] = resource = new SchemaResource(key);
        }

        return resource;
    }

    private void CompileDynamicAnchors(SchemaResource resource)
    {
        IReadOnlyList<KeyValuePair<string, SchemaTarget>> anchors = _local.DynamicAnchors(resource.Uri);
        if (anchors.Count == 0)
        {
            anchors = Options.Registry?.DynamicAnchors(resource.Uri) ?? SchemaRegistry.MetaDynamicAnchors(resource.Uri);
        }

        foreach (var (name, anchorTarget) in anchors)
        {
            resource.DynamicAnchors.TryAdd(name, Compile(anchorTarget));
        }
    }

    private bool TryLookup(string key, out SchemaTarget target) =>
        _local.TryGet(key, out target)
        || (Options.Registry is { } registry ? registry.TryGet(key, out target) : SchemaRegistry.TryGetMeta(key, out target));

    private static SchemaTarget Walk(SchemaTarget start, string pointer, string location)
    {
        var tokens = JsonPointer.Parse(pointer) ?? throw new InvalidSchemaException($"'{pointer}' is not a JSON Pointer.", location);
        var current = start;
        foreach (var token in tokens)
        {
            var inner = Inner(current, location);
            var element = current.Element;
            JsonElement next;
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var property))
            {
                next = property;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < element.GetArrayLength())
            {
                next = element[index];
            }
            else
            {
                throw new InvalidSchemaException($"The reference '{UriHelper.WithoutFragment(start.BaseUri)}#{pointer}' points to nothing: '{token}' does not exist.", location);
            }

            var escaped = "/" + JsonPointer.Escape(token);
            current = inner with { Element = next, Pointer = current.Pointer + escaped, LocalPointer = inner.LocalPointer + escaped };
        }

        return current;
    }

    /// <summary>The base URI and local pointer in force inside <paramref name="target"/>, once its own <c>$id</c> applies.</summary>
    private static SchemaTarget Inner(SchemaTarget target, string location)
    {
        if (SchemaIndex.DialectOf(target.Element) is { } dialect)
        {
            target = target with { Dialect = dialect };
        }

        if (target.Element.ValueKind == JsonValueKind.Object && target.Element.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String && IsBaseChange(id.GetString()))
        {
            return target with { BaseUri = new Uri(UriHelper.WithoutFragment(ResolveReference(target, id.GetString() ?? string.Empty, location))), LocalPointer = string.Empty };
        }

        return target;
    }

    /// <summary>An <c>$id</c> that is only a fragment (draft-07's <c>"$id": "#name"</c>) names an anchor; it does not start a new resource.</summary>
    internal static bool IsBaseChange(string? id) => id is not null && !id.StartsWith('#');

    /// <summary>The draft whose rules apply under <paramref name="dialect"/>: a standard meta-schema's own, or that of the <c>$schema</c> a custom meta-schema declares.</summary>
    private Draft DraftOf(string? dialect)
    {
        dialect ??= Options.DefaultDialect?.OriginalString;
        if (Drafts.Known(dialect) is { } known)
        {
            return known;
        }

        if (dialect is not null && Uri.TryCreate(dialect, UriKind.Absolute, out var uri) && TryLookup(UriHelper.WithoutFragment(uri), out var meta)
            && meta.Element.ValueKind == JsonValueKind.Object && meta.Element.TryGetProperty("$schema", out var metaDialect) && metaDialect.ValueKind == JsonValueKind.String)
        {
            return Drafts.Known(metaDialect.GetString()) ?? Draft.V202012;
        }

        return Draft.V202012;
    }

    private Vocabularies VocabulariesOf(string? dialect, string location)
    {
        if (dialect is null || !Uri.TryCreate(dialect, UriKind.Absolute, out var dialectUri))
        {
            return Vocabularies.All;
        }

        if (!TryLookup(UriHelper.WithoutFragment(dialectUri), out var meta)
            || !meta.Element.TryGetProperty("$vocabulary", out var declared) || declared.ValueKind != JsonValueKind.Object)
        {
            return Vocabularies.All;
        }

        var result = Vocabularies.None;
        foreach (var vocabulary in declared.EnumerateObject())
        {
            var known = KeywordTable.VocabularyOf(vocabulary.Name);
            if (known == Vocabularies.None && vocabulary.Value.ValueKind == JsonValueKind.True)
            {
                throw new InvalidSchemaException($"The meta-schema '{dialect}' requires the vocabulary '{vocabulary.Name}', which this validator does not know.", location);
            }

            result |= known;
        }

        return result | Vocabularies.Core;
    }
}
