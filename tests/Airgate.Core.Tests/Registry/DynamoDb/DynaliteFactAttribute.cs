namespace Airgate.Core.Registry.DynamoDb.Tests;

/// <summary>A test against a DynamoDB-compatible server (dynalite, <c>AIRGATE_TEST_DYNAMODB_URL</c>); skipped with the reason when the variable is not set. CI sets it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DynaliteFactAttribute : FactAttribute
{
    public const string Variable = "AIRGATE_TEST_DYNAMODB_URL";

    public DynaliteFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 })
        {
            Skip = $"Needs {Variable}; CI sets it (see .ci/run).";
        }
    }
}
