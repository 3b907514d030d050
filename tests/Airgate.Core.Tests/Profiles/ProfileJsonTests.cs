using Airgate.Core.Registry;
using Airgate.Testing;

namespace Airgate.Core.Profiles.Tests;

public sealed class ProfileJsonTests
{
    private static ResolvedProfile Kraken2() =>
        RegistryLoader.Load(Path.Combine(RepositoryPaths.Root, "examples", "registry")).ProfilesById["bactopia-kraken2-3.2.0"];

    [Fact]
    public void ToNative_CompatibleFile_AnswersInSnakeCase()
    {
        var json = ProfileJson.ToNative(Kraken2(), resolved: false);

        json.Select(p => p.Key).ShouldBe(["id", "name", "version", "description", "type", "project", "runnable", "inherits", "parameters_schema", "ui_schema", "submission"]);
        json["name"]?.GetValue<string>().ShouldBe("Bactopia Kraken2");
        json["submission"]?.ToJsonString().ShouldBe("""{"options_field":"nextflowOptions","encoding":"cli-string"}""");
        json["parameters_schema"]?["$defs"].ShouldBeNull();
    }

    [Fact]
    public void ToNative_Resolved_CarriesTheParentUnderDefs()
    {
        var json = ProfileJson.ToNative(Kraken2(), resolved: true);

        json["parameters_schema"]?["$defs"]?["bactopia-base-3.2.0"].ShouldNotBeNull();
    }
}
