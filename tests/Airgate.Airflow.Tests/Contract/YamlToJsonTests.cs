using System.Text.Json;

namespace Airgate.Testing.OpenApi.Tests;

public sealed class YamlToJsonTests
{
    public static TheoryData<string, string> Scalars => new()
    {
        { "a: 200", "{\"a\":200}" },
        { "a: '200'", "{\"a\":\"200\"}" },
        { "a: \"true\"", "{\"a\":\"true\"}" },
        { "a: true", "{\"a\":true}" },
        { "a: False", "{\"a\":false}" },
        { "a: null", "{\"a\":null}" },
        { "a: ~", "{\"a\":null}" },
        { "a:", "{\"a\":null}" },
        { "a: 1.5", "{\"a\":1.5}" },
        { "a: -3", "{\"a\":-3}" },
        { "a: 0x1F", "{\"a\":31}" },
        { "a: yes", "{\"a\":\"yes\"}" },
        { "a: .inf", "{\"a\":\".inf\"}" },
        { "a: 3.2.1", "{\"a\":\"3.2.1\"}" },
        { "a: [x, 1]", "{\"a\":[\"x\",1]}" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Convert_Scalar_FollowsYamlCoreSchema(string yaml, string json)
    {
        using var reader = new StringReader(yaml);

        var node = YamlToJson.Convert(reader);

        JsonSerializer.Serialize(node).ShouldBe(json);
    }
}
