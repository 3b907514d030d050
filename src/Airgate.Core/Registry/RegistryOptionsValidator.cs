using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry;

/// <summary>Fails start-up with a message that names the key and the fix, rather than serving an empty registry.</summary>
internal sealed partial class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    private const string Key = RegistryOptions.SectionName + ":Path";
    private const string DynamoDbKey = RegistryOptions.SectionName + ":DynamoDb";

    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        var failures = new List<string>();
        if (options.Source == RegistrySource.DynamoDb)
        {
            ValidateDynamoDb(options, failures);
        }
        else if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{Key} is not set. Set it to the directory holding your pipeline profiles and workflow manifests, e.g. in appsettings.json or as the environment variable Airgate__Registry__Path (or set {RegistryOptions.SectionName}:Source to DynamoDb to read CAPE's tables).");
        }
        else if (!Directory.Exists(options.Path))
        {
            failures.Add($"{Key} is '{options.Path}' (resolved to '{System.IO.Path.GetFullPath(options.Path)}'), which is not an existing directory. Create it or point the key at the directory holding your profiles and manifests.");
        }

        if (options.ReloadDelay < TimeSpan.Zero)
        {
            failures.Add($"{RegistryOptions.SectionName}:ReloadDelay is {options.ReloadDelay}; use zero or a positive duration such as 00:00:00.300.");
        }

        if (options.PollInterval < TimeSpan.Zero)
        {
            failures.Add($"{RegistryOptions.SectionName}:PollInterval is {options.PollInterval}; use zero (file-system events) or a positive duration such as 00:00:05.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateDynamoDb(RegistryOptions options, List<string> failures)
    {
        var dynamo = options.DynamoDb;
        foreach (var (key, table, example, capeVariable) in new[]
        {
            ("PipelinesTable", dynamo.PipelinesTable, "cape-dap-registry", "DAP_REG_DDB_TABLE"),
            ("WorkflowsTable", dynamo.WorkflowsTable, "cape-workflow-registry", "WORKFLOW_REG_DDB_TABLE"),
        })
        {
            if (string.IsNullOrWhiteSpace(table))
            {
                failures.Add($"{DynamoDbKey}:{key} is not set, and {RegistryOptions.SectionName}:Source is DynamoDb. Set it to the table CAPE names in {capeVariable}, e.g. {example}.");
            }
            else if (!TableName().IsMatch(table))
            {
                failures.Add($"{DynamoDbKey}:{key} is '{table}', which is not a DynamoDB table name (3 to 255 letters, digits, '_', '-' and '.'), e.g. {example}.");
            }
        }

        if (!string.IsNullOrEmpty(dynamo.PipelinesTable) && dynamo.PipelinesTable == dynamo.WorkflowsTable)
        {
            failures.Add($"{DynamoDbKey}:PipelinesTable and WorkflowsTable are both '{dynamo.PipelinesTable}'; CAPE keeps profiles and workflows in two tables with different keys.");
        }

        if (dynamo.Region.Length > 0 && !RegionName().IsMatch(dynamo.Region))
        {
            failures.Add($"{DynamoDbKey}:Region is '{dynamo.Region}', which is not an AWS region name; write e.g. eu-west-2, or leave it empty to use the SDK's region (AWS_REGION).");
        }

        if (dynamo.Endpoint.Length > 0
            && (!Uri.TryCreate(dynamo.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https") || endpoint.Query.Length > 0 || endpoint.UserInfo.Length > 0))
        {
            failures.Add($"{DynamoDbKey}:Endpoint is '{dynamo.Endpoint}', which is not an http(s) URL without credentials or query; write e.g. https://vpce-0123.dynamodb.eu-west-2.vpce.amazonaws.com, or leave it empty.");
        }

        if (dynamo.RefreshInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{DynamoDbKey}:RefreshInterval is {dynamo.RefreshInterval}; use at least one second, e.g. 00:00:30 (every refresh reads both tables).");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$")]
    private static partial Regex TableName();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionName();
}
