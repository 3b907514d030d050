using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;

namespace Airgate.Core.Registry.DynamoDb;

/// <summary>
/// Reads CAPE's two tables into the documents the registry loader reads from files: each pipeline item's
/// <c>profile</c> map becomes a profile document, each workflow item a <c>{dag_id, pipeline_ids}</c> manifest. Attribute
/// values become JSON through the SDK's document model, which keeps a number's text as DynamoDB stores it. Both tables
/// are scanned page by page (a page is at most 1 MB); a table that cannot be read throws, so the caller keeps its last
/// good snapshot rather than load half a registry.
/// </summary>
public static class DynamoDbRegistryReader
{
    /// <summary>Every item of both tables, named by table and key, with a problem for each item that is not a document at all.</summary>
    public static async Task<(IReadOnlyList<KeyValuePair<string, string>> Items, IReadOnlyList<RegistryProblem> Problems)> ReadAsync(
        IAmazonDynamoDB client, DynamoDbRegistryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var items = new List<KeyValuePair<string, string>>();
        var problems = new List<RegistryProblem>();
        foreach (var item in await ReadTableAsync(client, options.PipelinesTable, cancellationToken))
        {
            if (PipelineDocument(options.PipelinesTable, item, problems) is { } document)
            {
                items.Add(document);
            }
        }

        foreach (var item in await ReadTableAsync(client, options.WorkflowsTable, cancellationToken))
        {
            if (WorkflowDocument(options.WorkflowsTable, item, problems) is { } document)
            {
                items.Add(document);
            }
        }

        return (items, problems);
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ReadTableAsync(IAmazonDynamoDB client, string table, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        try
        {
            await foreach (var item in ScanAsync(client, table, cancellationToken))
            {
                items.Add(item);
            }

            return items;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new DynamoDbTableException(table, exception);
        }
    }

    /// <summary>Every item of <paramref name="table"/>, following <c>LastEvaluatedKey</c> with the SDK's paginator.</summary>
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> ScanAsync(
        IAmazonDynamoDB client, string table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        // Consistent reads: a replica that refreshes just after a write sees it, so replicas converge within one interval.
        var request = new ScanRequest { TableName = table, ConsistentRead = true };
        await foreach (var page in client.Paginators.Scan(request).Responses.WithCancellation(cancellationToken))
        {
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>The JSON text of a map of attribute values, numbers as DynamoDB keeps them.</summary>
    public static string ToJson(Dictionary<string, AttributeValue> attributes) => Document.FromAttributeMap(attributes).ToJson();

    /// <summary>
    /// The attribute values of a JSON object (for <c>registry push</c>), numbers as their JSON text. The SDK's own
    /// <c>Document.FromJson</c> reads numbers as doubles (a 38-digit integer comes back as <c>1.2345678901234568e+37</c>),
    /// so the document is built from SDK entries, each number a numeric <see cref="Primitive"/> of its exact text, and
    /// the SDK turns that into attribute values.
    /// </summary>
    public static Dictionary<string, AttributeValue> FromJson(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        // Empty strings are values in a profile ("default": "" on every nf-core group); the SDK drops them unless told.
        return ((Document)ToEntry(parsed.RootElement)).ToAttributeMap(DynamoDBEntryConversion.V2, isEmptyStringValueEnabled: true);
    }

    private static DynamoDBEntry ToEntry(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDocument(element),
        JsonValueKind.Array => new DynamoDBList([.. element.EnumerateArray().Select(ToEntry)]),
        JsonValueKind.String => new Primitive(element.GetString()),
        JsonValueKind.Number => new Primitive(element.GetRawText(), saveAsNumeric: true),
        JsonValueKind.True => new DynamoDBBool(true),
        JsonValueKind.False => new DynamoDBBool(false),
        _ => new DynamoDBNull(),
    };

    private static Document ToDocument(JsonElement element)
    {
        var document = new Document();
        foreach (var property in element.EnumerateObject())
        {
            document[property.Name] = ToEntry(property.Value);
        }

        return document;
    }

    private static KeyValuePair<string, string>? PipelineDocument(string table, Dictionary<string, AttributeValue> item, List<RegistryProblem> problems)
    {
        if (!item.TryGetValue(CapeLayout.PipelineKey, out var key) || key.S is not { Length: > 0 } id)
        {
            problems.Add(new RegistryProblem(table, string.Empty, $"An item has no string '{CapeLayout.PipelineKey}' (the table's key); it is left out."));
            return null;
        }

        var name = CapeLayout.PipelineItemName(table, id);
        if (!item.TryGetValue(CapeLayout.Profile, out var profile) || profile.M is not { } map)
        {
            problems.Add(new RegistryProblem(name, "/" + CapeLayout.Profile, $"'{CapeLayout.Profile}' must be a map holding the profile document (CAPE's camelCase form); the item is left out."));
            return null;
        }

        string json;
        try
        {
            json = ToJson(map);
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidCastException or FormatException or ArgumentException)
        {
            problems.Add(new RegistryProblem(name, "/" + CapeLayout.Profile, $"'{CapeLayout.Profile}' cannot be read as JSON ({exception.GetType().Name}); the item is left out."));
            return null;
        }

        if (ProfileIdIn(json) is { } inside && inside != id)
        {
            problems.Add(new RegistryProblem(name, "/" + CapeLayout.Profile + "/pipelineId", $"The profile's id '{inside}' differs from the item's key '{id}'; the item is left out until they agree."));
            return null;
        }

        return new(name, json);
    }

    private static KeyValuePair<string, string>? WorkflowDocument(string table, Dictionary<string, AttributeValue> item, List<RegistryProblem> problems)
    {
        if (!item.TryGetValue(CapeLayout.WorkflowKey, out var key) || key.S is not { Length: > 0 } dagId)
        {
            problems.Add(new RegistryProblem(table, string.Empty, $"An item has no string '{CapeLayout.WorkflowKey}' (the table's key); it is left out."));
            return null;
        }

        return new(CapeLayout.WorkflowItemName(table, dagId), ToJson(item));
    }

    private static string? ProfileIdIn(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var field in (string[])["pipelineId", "id"])
        {
            if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
