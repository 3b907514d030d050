using Airgate.Cli;
using Airgate.Configuration;
using Airgate.Tests.Cli;
using Microsoft.AspNetCore.Builder;

namespace Airgate.Tests.Configuration;

public sealed class SettingsFilesTests : IDisposable
{
    private readonly DirectoryInfo _executableFolder = Directory.CreateTempSubdirectory("airgate-exe-");
    private readonly DirectoryInfo _workingFolder = Directory.CreateTempSubdirectory("airgate-cwd-");

    [Fact]
    public void AddSettingsBesideExecutable_StartedElsewhere_ReadsTheExecutablesFiles()
    {
        Write(_executableFolder, "appsettings.Production.json", """{"Airgate": {"Airflow": {"BaseUrl": "http://beside.example", "MaxRetries": 4}}}""");

        var builder = Builder();
        builder.AddSettingsBesideExecutable(_executableFolder.FullName);

        builder.Configuration["Airgate:Airflow:BaseUrl"].ShouldBe("http://beside.example");
        builder.Configuration["Airgate:Airflow:MaxRetries"].ShouldBe("4");
    }

    [Fact]
    public void AddSettingsBesideExecutable_WorkingFolderAndVariables_StillWin()
    {
        Write(_executableFolder, "appsettings.json", """{"Airgate": {"Airflow": {"BaseUrl": "http://beside.example", "MaxRetries": 4, "ApiVersion": "v1"}}}""");
        Write(_workingFolder, "appsettings.json", """{"Airgate": {"Airflow": {"BaseUrl": "http://working.example", "MaxRetries": 5}}}""");

        var builder = Builder("--Airgate:Airflow:MaxRetries=6");
        builder.AddSettingsBesideExecutable(_executableFolder.FullName);

        builder.Configuration["Airgate:Airflow:BaseUrl"].ShouldBe("http://working.example");
        builder.Configuration["Airgate:Airflow:MaxRetries"].ShouldBe("6");
        builder.Configuration["Airgate:Airflow:ApiVersion"].ShouldBe("v1");
    }

    [Fact]
    public void Describe_ListsEachFileWhetherReadAndTheOtherSources()
    {
        Write(_executableFolder, "appsettings.Production.json", "{}");
        var builder = Builder("--Airgate:Airflow:MaxRetries=6");
        builder.AddSettingsBesideExecutable(_executableFolder.FullName);

        var lines = SettingsFiles.Describe(builder.Configuration).ToList();

        lines.ShouldContain($"file {Path.Combine(_executableFolder.FullName, "appsettings.Production.json")} (read)");
        lines.ShouldContain($"file {Path.Combine(_executableFolder.FullName, "appsettings.json")} (not found)");
        lines.ShouldContain($"file {Path.Combine(_workingFolder.FullName, "appsettings.json")} (not found)");
        lines.ShouldContain("environment variables starting with ASPNETCORE_");
        lines.ShouldContain("command-line switches (--Airgate:Airflow:BaseUrl=...)");
        lines.IndexOf($"file {Path.Combine(_executableFolder.FullName, "appsettings.json")} (not found)")
            .ShouldBeLessThan(lines.IndexOf($"file {Path.Combine(_workingFolder.FullName, "appsettings.json")} (not found)"));
    }

    [Fact]
    public async Task ConfigCheck_StartedInAnotherFolder_ListsTheFilesBesideTheExecutable()
    {
        var (_, output, _) = await CliProcess.RunInAsync(_workingFolder.FullName, "config", "check", "--environment", "Production");

        var executableFolder = Path.GetDirectoryName(typeof(Program).Assembly.Location) ?? "";
        output.ShouldContain("Environment: Production. Read from (later sources win):");
        output.ShouldContain($"file {Path.Combine(executableFolder, "appsettings.Production.json")} (");
        output.ShouldContain($"file {Path.Combine(_workingFolder.FullName, "appsettings.Production.json")} (not found)");
    }

    public void Dispose()
    {
        _executableFolder.Delete(recursive: true);
        _workingFolder.Delete(recursive: true);
    }

    private WebApplicationBuilder Builder(params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = _workingFolder.FullName, EnvironmentName = "Production" });

    private static void Write(DirectoryInfo folder, string name, string json) => File.WriteAllText(Path.Combine(folder.FullName, name), json);
}
