using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Airgate.Core.Registry.DynamoDb;

/// <summary>CAPE's two tables as its infrastructure code creates them (for <c>registry push --create-tables</c> and tests).</summary>
public static class CapeTables
{
    public static CreateTableRequest Pipelines(string table) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement(CapeLayout.PipelineKey, KeyType.HASH)],
        AttributeDefinitions =
        [
            new AttributeDefinition(CapeLayout.PipelineKey, ScalarAttributeType.S),
            new AttributeDefinition(CapeLayout.PipelineName, ScalarAttributeType.S),
            new AttributeDefinition(CapeLayout.Version, ScalarAttributeType.S),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = CapeLayout.NameVersionIndex,
                KeySchema = [new KeySchemaElement(CapeLayout.PipelineName, KeyType.HASH), new KeySchemaElement(CapeLayout.Version, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };

    public static CreateTableRequest Workflows(string table) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement(CapeLayout.WorkflowKey, KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition(CapeLayout.WorkflowKey, ScalarAttributeType.S)],
    };

    /// <summary>Creates a table and waits until it is active (a fresh table refuses reads and writes while it is created).</summary>
    public static async Task CreateAndWaitAsync(IAmazonDynamoDB client, CreateTableRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        await client.CreateTableAsync(request, cancellationToken);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var described = await client.DescribeTableAsync(request.TableName, cancellationToken);
            if (described.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
