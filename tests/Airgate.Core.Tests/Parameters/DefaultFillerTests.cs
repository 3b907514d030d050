namespace Airgate.Core.Parameters.Tests;

public sealed class DefaultFillerTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "top-level default", "{}", """{"properties": {"n": {"default": 4}}}""", """{"n":4}""" },
        { "const wins over default", "{}", """{"properties": {"wf": {"const": "k", "default": "x"}}}""", """{"wf":"k"}""" },
        { "given value kept", """{"n": 9}""", """{"properties": {"n": {"default": 4}}}""", """{"n":9}""" },
        { "given null kept", """{"n": null}""", """{"properties": {"n": {"default": 4}}}""", """{"n":null}""" },
        { "given value kept against const", """{"wf": "other"}""", """{"properties": {"wf": {"const": "k"}}}""", """{"wf":"other"}""" },
        { "through allOf and $ref", "{}", """{"allOf": [{"$ref": "#/$defs/base"}], "$defs": {"base": {"properties": {"cpus": {"default": 2}}}}}""", """{"cpus":2}""" },
        { "default behind a property $ref", "{}", """{"properties": {"m": {"$ref": "#/$defs/mem"}}, "$defs": {"mem": {"type": "string", "default": "8 GB"}}}""", """{"m":"8 GB"}""" },
        { "own property before parent's", "{}", """{"allOf": [{"$ref": "#/$defs/b"}], "properties": {"n": {"default": 1}}, "$defs": {"b": {"properties": {"n": {"default": 2}}}}}""", """{"n":1}""" },
        { "nested object present", """{"o": {}}""", """{"properties": {"o": {"properties": {"k": {"default": true}}}}}""", """{"o":{"k":true}}""" },
        { "nested object absent", "{}", """{"properties": {"o": {"properties": {"k": {"default": true}}}}}""", "{}" },
        { "nested object filled then descended", "{}", """{"properties": {"o": {"default": {}, "properties": {"k": {"default": 1}}}}}""", """{"o":{"k":1}}""" },
        { "array items", """{"s": [{"a": 1}, {}]}""", """{"properties": {"s": {"items": {"properties": {"b": {"default": 0}}}}}}""", """{"s":[{"a":1,"b":0},{"b":0}]}""" },
        { "anyOf not guessed", "{}", """{"anyOf": [{"properties": {"n": {"default": 1}}}]}""", "{}" },
        { "recursive ref terminates", "{}", """{"$ref": "#/$defs/a", "$defs": {"a": {"allOf": [{"$ref": "#/$defs/a"}], "properties": {"x": {"default": 1}}}}}""", """{"x":1}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fill_Case_GivesExpectedObject(string name, string parameters, string schema, string expected)
    {
        DefaultFiller.Fill(Fixtures.Object(parameters), Fixtures.Element(schema)).ToJsonString().ShouldBe(expected, name);
    }

    [Fact]
    public void Fill_Input_IsNotChanged()
    {
        var input = Fixtures.Object("{}");

        DefaultFiller.Fill(input, Fixtures.Element("""{"properties": {"n": {"default": 4}}}"""));

        input.Count.ShouldBe(0);
    }

    [Fact]
    public void Fill_ExampleKraken2_FillsInheritedAndOwnDefaultsAndConst()
    {
        var profile = Fixtures.Examples.ProfilesById[Fixtures.Kraken2];

        var filled = DefaultFiller.Fill(Fixtures.Object(Fixtures.ValidKraken2Parameters), profile.ResolvedSchema);

        filled["wf"]?.GetValue<string>().ShouldBe("kraken2");
        filled["min_confidence"]?.GetValue<double>().ShouldBe(0.1);
        filled["max_cpus"]?.GetValue<int>().ShouldBe(4);
        filled["max_memory"]?.GetValue<string>().ShouldBe("32 GB");
        filled["skip_qc"]?.GetValue<bool>().ShouldBeFalse();
        filled["genome_size"]?.GetValue<int>().ShouldBe(0);
        filled.ContainsKey("species").ShouldBeFalse();
    }
}
