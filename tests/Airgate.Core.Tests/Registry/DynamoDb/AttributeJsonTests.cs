using Airgate.Core.Registry.DynamoDb;
using Amazon.DynamoDBv2.Model;

namespace Airgate.Core.Registry.DynamoDb.Tests;

/// <summary>DynamoDB numbers are decimal text of up to 38 digits; the JSON a profile is read from must carry that text unchanged.</summary>
public sealed class AttributeJsonTests
{
    public static TheoryData<string> Numbers => new()
    {
        "0.000001",
        "12345678901234567890123456789012345678",
        "0.1",
        "1E+125",
        "-1.50",
        "3",
        "9007199254740993",
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void ToJson_Number_KeepsItsText(string number)
    {
        var json = DynamoDbRegistryReader.ToJson(new Dictionary<string, AttributeValue> { ["n"] = new() { N = number } });

        json.ShouldBe($"{{\"n\":{number}}}");
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void FromJson_Number_KeepsItsText(string number)
    {
        var attributes = DynamoDbRegistryReader.FromJson($"{{\"n\":{number}}}");

        attributes["n"].N.ShouldBe(number);
    }

    [Fact]
    public void FromJson_EmptyString_IsKept()
    {
        var json = """{"default":"","nested":{"list":["",1]}}""";

        DynamoDbRegistryReader.ToJson(DynamoDbRegistryReader.FromJson(json)).ShouldBe(json);
    }
}
