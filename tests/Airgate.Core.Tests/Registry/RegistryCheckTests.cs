namespace Airgate.Core.Registry.Tests;

public sealed class RegistryCheckTests
{
    private static (int Code, string Output, string Error) Run(string directory, bool strict = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RegistryCheck.Run(directory, output, error, strict);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Check_CleanDirectory_ExitsZero()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", Files.Native("a"));

        var (code, output, _) = Run(directory.Path);

        code.ShouldBe(RegistryCheck.ExitOk);
        output.ShouldContain("No problems: 1 profiles and 0 manifests loaded.");
    }

    [Fact]
    public void Check_Problems_PrintsEachAsFilePointerMessageAndExitsOne()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", Files.Native("a", inherits: """["ghost"]"""));
        directory.Write("m/bad.json", Files.Manifest("d", "nope"));

        var (code, output, _) = Run(directory.Path);

        code.ShouldBe(RegistryCheck.ExitProblems);
        output.ShouldContain($"{directory.Path}/a.json:/inherits/0: error: Unknown parent: 'ghost'");
        output.ShouldContain($"{directory.Path}/m/bad.json:/pipelines/0: error: Unknown pipeline: 'nope'");
        output.ShouldContain("2 error(s) and 0 warning(s) in 2 file(s)");
    }

    [Fact]
    public void Check_OnlyWarnings_ExitsZeroAndWithStrictOne()
    {
        using var directory = new TempDirectory();
        directory.Write("nf.json", Files.Native("nf", """
            {"type": "object", "$defs": {"g": {"type": "object", "default": "", "properties": {"outdir": {"type": "string"}}}},
             "allOf": [{"$ref": "#/$defs/g"}]}
            """));

        var (code, output, _) = Run(directory.Path);
        var (strictCode, _, _) = Run(directory.Path, strict: true);

        code.ShouldBe(RegistryCheck.ExitOk);
        output.ShouldContain($"{directory.Path}/nf.json:/parameters_schema/$defs/g/default: warning: The default value \"\" fails its own schema");
        output.ShouldContain("0 error(s) and 1 warning(s) in 1 file(s); 1 profiles and 0 manifests would load.");
        strictCode.ShouldBe(RegistryCheck.ExitProblems);
    }

    [Fact]
    public void Check_MissingDirectory_ExitsTwo()
    {
        var (code, output, error) = Run(Path.Combine(Path.GetTempPath(), "airgate-no-such-dir-" + Guid.NewGuid().ToString("N")));

        code.ShouldBe(RegistryCheck.ExitNoDirectory);
        output.ShouldBeEmpty();
        error.ShouldContain("does not exist");
    }

    [Fact]
    public void Check_Examples_ExitsZero()
    {
        Run(Path.Combine(Airgate.Testing.RepositoryPaths.Root, "examples", "registry")).Code.ShouldBe(RegistryCheck.ExitOk);
    }
}
