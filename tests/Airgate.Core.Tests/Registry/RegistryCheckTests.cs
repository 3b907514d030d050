namespace Airgate.Core.Registry.Tests;

public sealed class RegistryCheckTests
{
    private static (int Code, string Output, string Error) Run(string directory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RegistryCheck.Run(directory, output, error);
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
        output.ShouldContain($"{directory.Path}/a.json:/inherits/0: Unknown parent: 'ghost'");
        output.ShouldContain($"{directory.Path}/m/bad.json:/pipelines/0: Unknown pipeline: 'nope'");
        output.ShouldContain("2 problem(s) in 2 file(s)");
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
