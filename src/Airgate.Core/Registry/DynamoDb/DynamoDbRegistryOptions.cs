namespace Airgate.Core.Registry.DynamoDb;

/// <summary>CAPE's registry tables (<c>Airgate:Registry:DynamoDb</c>), used when <c>Airgate:Registry:Source</c> is <c>DynamoDb</c>.</summary>
public sealed record DynamoDbRegistryOptions
{
    /// <summary>The pipeline registry table (CAPE's <c>DAP_REG_DDB_TABLE</c>): key <c>pipeline_id</c>, the profile in <c>profile</c>.</summary>
    public string PipelinesTable { get; init; } = string.Empty;

    /// <summary>The workflow table (CAPE's <c>WORKFLOW_REG_DDB_TABLE</c>): key <c>dag_id</c>, the profiles in <c>pipeline_ids</c>.</summary>
    public string WorkflowsTable { get; init; } = string.Empty;

    /// <summary>The tables' AWS region (CAPE's <c>DDB_REGION</c>); empty: the SDK's own region chain (<c>AWS_REGION</c>, profile, instance).</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>An endpoint to use instead of the region's (a VPC endpoint, or a local DynamoDB-compatible server in tests).</summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>How often both tables are read again: the most a change made in the tables takes to show on every replica.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);
}
