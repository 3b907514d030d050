namespace Airgate.Core.Registry.DynamoDb;

/// <summary>A registry table could not be read; names the table, so the problem can.</summary>
internal sealed class DynamoDbTableException(string table, Exception innerException)
    : Exception($"The DynamoDB table '{table}' cannot be read.", innerException)
{
    public string Table { get; } = table;
}
