using Airgate.Testing;

namespace Airgate.Tests.Cli;

public sealed class RegistryCommandsTests
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "examples", "registry");

    [Fact]
    public async Task Check_ExamplesWithOnlyWarnings_ExitsZeroAndWithStrictOne()
    {
        var (code, output, _) = await CliProcess.RunAsync("registry", "check", Examples);
        var (strictCode, _, _) = await CliProcess.RunAsync("registry", "check", "--strict", Examples);

        code.ShouldBe(0, output);
        output.ShouldContain("nextflow_schema.json:/$defs/input_output_options/default: warning: ");
        strictCode.ShouldBe(1);
    }
}
