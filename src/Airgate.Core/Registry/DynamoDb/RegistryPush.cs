using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Manifests;
using Airgate.Core.Profiles;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Airgate.Core.Registry.DynamoDb;

/// <summary>
/// <c>airgate registry push &lt;dir&gt;</c>: writes a directory registry into CAPE's two tables, in CAPE's layout. Each
/// profile's item carries the profile in camelCase form with its inheritance resolved (each parent's schema under
/// <c>parametersSchema.$defs/&lt;reference as written&gt;</c>, <c>inherits</c> unchanged); each manifest becomes
/// <c>{dag_id, pipeline_ids}</c>. Idempotent: an item already equal to what would be written is not written again.
/// A registry with errors writes nothing. Items the directory does not have are left alone.
/// </summary>
public static class RegistryPush
{
    public const int ExitOk = 0;
    public const int ExitProblems = 1;
    public const int ExitUnavailable = 2;

    public static async Task<int> RunAsync(
        string directory, IAmazonDynamoDB client, DynamoDbRegistryOptions options, bool dryRun, bool createTables, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Directory.Exists(directory))
        {
            await error.WriteLineAsync($"The registry directory '{directory}' does not exist (resolved to '{Path.GetFullPath(directory)}').");
            return ExitUnavailable;
        }

        var snapshot = RegistryLoader.Load(directory);
        var errors = snapshot.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync($"{Path.Join(directory, problem.File).Replace('\\', '/')}:{problem.Pointer}: error: {problem.Message}");
            }

            await error.WriteLineAsync($"{errors.Count} error(s): nothing was written. `airgate registry check {directory}` lists them.");
            return ExitProblems;
        }

        var items = snapshot.Profiles.Select(p => (options.PipelinesTable, CapeLayout.PipelineKey, p.Id, PipelineItem(directory, p)))
            .Concat(snapshot.Manifests.Select(m => (options.WorkflowsTable, CapeLayout.WorkflowKey, m.DagId, WorkflowItem(m))))
            .ToList();
        try
        {
            if (createTables)
            {
                await CreateMissingTablesAsync(client, options, dryRun, output, cancellationToken);
            }

            var written = 0;
            foreach (var (table, keyName, key, item) in items)
            {
                var existing = await StoredAsync(client, table, keyName, key, dryRun, cancellationToken);
                var outcome = existing is not { Count: > 0 } ? "new" : SameItem(existing, item) ? "unchanged" : "changed";
                if (outcome != "unchanged" && !dryRun)
                {
                    await client.PutItemAsync(new PutItemRequest { TableName = table, Item = item }, cancellationToken);
                    written++;
                }

                await output.WriteLineAsync($"{outcome}: {table}[{keyName}={key}]");
            }

            await output.WriteLineAsync(dryRun
                ? $"Dry run: {items.Count} item(s) checked, nothing written."
                : $"{written} item(s) written, {items.Count - written} already up to date.");
            return ExitOk;
        }
        catch (AmazonDynamoDBException exception)
        {
            await error.WriteLineAsync($"DynamoDB refused the push ({DynamoDbPipelineRegistry.Describe(exception)}); check the table names, region and permissions (dynamodb:GetItem, PutItem{(createTables ? ", DescribeTable, CreateTable" : string.Empty)}).");
            return ExitUnavailable;
        }
        catch (Amazon.Runtime.AmazonClientException exception)
        {
            await error.WriteLineAsync($"DynamoDB cannot be reached ({exception.GetType().Name}): {exception.Message.Split('\n')[0]}");
            return ExitUnavailable;
        }
    }

    /// <summary>The pipeline item of a loaded profile, in CAPE's layout.</summary>
    public static Dictionary<string, AttributeValue> PipelineItem(string directory, ResolvedProfile resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var profile = resolved.Profile;
        var item = new Dictionary<string, AttributeValue>
        {
            [CapeLayout.PipelineKey] = new() { S = profile.Id },
            [CapeLayout.PipelineName] = new() { S = profile.Name },
            [CapeLayout.Version] = new() { S = profile.Version },
        };
        if (profile.Project is { Length: > 0 } project)
        {
            item[CapeLayout.Project] = new() { S = project };
        }

        if (profile.Type is { Length: > 0 } type)
        {
            item[CapeLayout.PipelineType] = new() { S = type };
        }

        item[CapeLayout.Profile] = new() { M = DynamoDbRegistryReader.FromJson(ProfileDocument(directory, resolved).ToJsonString()) };
        return item;
    }

    /// <summary>The workflow item of a loaded manifest: <c>dag_id</c>, <c>pipeline_ids</c> and, when it names them, <c>tasks</c>.</summary>
    public static Dictionary<string, AttributeValue> WorkflowItem(WorkflowManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = new JsonObject
        {
            [CapeLayout.WorkflowKey] = manifest.DagId,
            [CapeLayout.PipelineIds] = new JsonArray([.. manifest.Pipelines.Select(p => (JsonNode?)p)]),
        };
        if (manifest.Tasks.Count > 0)
        {
            document["tasks"] = new JsonObject(manifest.Tasks.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)new JsonArray([.. t.Value.Select(p => (JsonNode?)p)]))));
        }

        return DynamoDbRegistryReader.FromJson(document.ToJsonString());
    }

    /// <summary>
    /// The profile in camelCase form with its resolved schema. A camelCase file keeps every field it has (CAPE's own
    /// extra fields included), with the schema replaced; a native file is written in the camelCase names.
    /// </summary>
    private static JsonObject ProfileDocument(string directory, ResolvedProfile resolved)
    {
        var schema = JsonNode.Parse(resolved.ResolvedSchema.GetRawText());
        if (resolved.Form == ProfileFileForm.Compatible
            && JsonNode.Parse(File.ReadAllText(Path.Join(directory, resolved.File))) is JsonObject original)
        {
            original.Remove("parametersSchemaFile");
            original.Remove("parameters_schema_file");
            original["parametersSchema"] = schema;
            return original;
        }

        var profile = resolved.Profile;
        var document = new JsonObject
        {
            ["pipelineId"] = profile.Id,
            ["pipelineName"] = profile.Name,
            ["version"] = profile.Version,
        };
        AddIfSet(document, "pipelineDescription", profile.Description);
        AddIfSet(document, "pipelineType", profile.Type);
        AddIfSet(document, "project", profile.Project);
        document["pipelineRunnable"] = profile.Runnable;
        document["inherits"] = new JsonArray([.. profile.Inherits.Select(i => (JsonNode?)i)]);
        document["parametersSchema"] = schema;
        if (profile.UiSchema is { } ui)
        {
            document["uiSchema"] = JsonNode.Parse(ui.GetRawText());
        }

        document["submission"] = new JsonObject
        {
            ["optionsFieldName"] = profile.Submission.OptionsField,
            ["encoding"] = SubmissionSettings.EncodingName(profile.Submission.Encoding),
        };
        return document;
    }

    private static void AddIfSet(JsonObject document, string name, string? value)
    {
        if (value is not null)
        {
            document[name] = value;
        }
    }

    private static async Task<Dictionary<string, AttributeValue>?> StoredAsync(
        IAmazonDynamoDB client, string table, string keyName, string key, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await client.GetItemAsync(new GetItemRequest
            {
                TableName = table,
                Key = new() { [keyName] = new AttributeValue { S = key } },
                ConsistentRead = true,
            }, cancellationToken);
            return existing.Item;
        }
        catch (ResourceNotFoundException) when (dryRun)
        {
            // A dry run with --create-tables has not created the table: everything in it would be new.
            return null;
        }
    }

    private static bool SameItem(Dictionary<string, AttributeValue> stored, Dictionary<string, AttributeValue> pushed) =>
        JsonNode.DeepEquals(JsonNode.Parse(DynamoDbRegistryReader.ToJson(stored)), JsonNode.Parse(DynamoDbRegistryReader.ToJson(pushed)));

    private static async Task CreateMissingTablesAsync(IAmazonDynamoDB client, DynamoDbRegistryOptions options, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var request in (CreateTableRequest[])[CapeTables.Pipelines(options.PipelinesTable), CapeTables.Workflows(options.WorkflowsTable)])
        {
            if (await ExistsAsync(client, request.TableName, cancellationToken))
            {
                continue;
            }

            await output.WriteLineAsync($"{(dryRun ? "would create" : "creating")} table {request.TableName} in CAPE's layout");
            if (dryRun)
            {
                continue;
            }

            await CapeTables.CreateAndWaitAsync(client, request, cancellationToken);
        }
    }

    private static async Task<bool> ExistsAsync(IAmazonDynamoDB client, string table, CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeTableAsync(table, cancellationToken);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }
}
