using Airgate.Cli;
using Airgate.Configuration;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airgate.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    private static readonly string ExampleFile = Path.Combine(RepositoryPaths.Root, "src", "Airgate", "appsettings.Production.example.json");

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Airgate:Airflow:RequestTimeout", "30", "Airgate:Airflow:RequestTimeout = 30.00:00:00 (a bare number is read as days), above the maximum 00:10:00; write hh:mm:ss, e.g. 00:00:30." },
        { "Airgate:Airflow:RequestTimeout", "30.00:00:00", "Airgate:Airflow:RequestTimeout = 30.00:00:00 is above the maximum 00:10:00; write e.g. 00:00:30." },
        { "Airgate:Airflow:RequestTimeout", "30s", "Airgate:Airflow:RequestTimeout = 30s is not a duration; write [d.]hh:mm:ss[.fff], e.g. 00:00:30." },
        { "Airgate:Airflow:ConnectTimeout", "-00:00:01", "Airgate:Airflow:ConnectTimeout = -00:00:01 is below the minimum 00:00:00.010; write e.g. 00:00:05." },
        { "Airgate:Airflow:MaxRetries", "11", "Airgate:Airflow:MaxRetries = 11 is above the maximum 10; write e.g. 2." },
        { "Airgate:Airflow:MaxRetries", "two", "Airgate:Airflow:MaxRetries = two is not a whole number; write e.g. 2." },
        { "Airgate:Auth:Mode", "JWT2", "Airgate:Auth:Mode = JWT2 is not one of Development, ApiKeys, Jwt; write e.g. Jwt." },
        { "Airgate:Auth:Mode", "2", "Airgate:Auth:Mode = 2 is not one of Development, ApiKeys, Jwt; write e.g. Jwt." },
        { "Airgate:Auth:AllowDevelopmentMode", "yes", "Airgate:Auth:AllowDevelopmentMode = yes is not true or false; write e.g. true." },
        { "Airgate:Runs:PendingGracePeriod", "3", "Airgate:Runs:PendingGracePeriod = 3.00:00:00 (a bare number is read as days); write hh:mm:ss, e.g. 00:10:00." },
        { "Airgate:Airflow:Pasword", "x", "Airgate:Airflow:Pasword is not a key Airgate knows; did you mean Airgate:Airflow:Password?" },
        { "Airgate:Auth:ApiKeys:0:Rolse:0", "admin", "Airgate:Auth:ApiKeys:0:Rolse:0 is not a key Airgate knows; did you mean Airgate:Auth:ApiKeys:0:Roles:0?" },
        { "Airgate:Airflow:Something", "x", "Airgate:Airflow:Something is not a key Airgate knows; Airgate:Airflow has Transport, BaseUrl, Username, Password, Token, RequestTimeout, ConnectTimeout, TotalTimeout, MaxRetries, RetryDelay, PooledConnectionLifetime, ApiVersion." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Check_BadValueOrUnknownKey_NamesTheKeyAndAnExample(string key, string value, string expected)
    {
        var failures = ConfigurationChecker.Check(Configuration(new() { [key] = value }));

        failures.ShouldBe([expected]);
    }

    [Fact]
    public void Check_SeveralMistakes_ReportsEveryOne()
    {
        var failures = ConfigurationChecker.Check(Configuration(new()
        {
            ["Airgate:Airflow:RequestTimeout"] = "30s",
            ["Airgate:Auth:Mode"] = "JWT2",
            ["Airgate:Airflow:Pasword"] = "x",
        }));

        failures.Count.ShouldBe(3);
    }

    [Fact]
    public void Check_ValidValuesAndKeysOutsideAirgate_NoFailures()
    {
        var failures = ConfigurationChecker.Check(Configuration(new()
        {
            ["Airgate:Airflow:RequestTimeout"] = "00:00:30",
            ["Airgate:auth:mode"] = "jwt",
            ["Airgate:Runs:PendingMinAge"] = "0",
            ["Airgate:Auth:Jwt:Algorithms:0"] = "RS256",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:8080",
        }));

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Schema_EveryDurationAndNumber_HasARange()
    {
        var missing = ConfigurationSchema.Keys
            .Where(key => ConfigurationRanges.NeedsRange(key.Type) && !ConfigurationRanges.ByKey.ContainsKey(key.Pattern))
            .Select(key => key.Pattern)
            .ToList();

        missing.ShouldBeEmpty("add these keys to ConfigurationRanges");
    }

    [Fact]
    public void ExampleFile_ListsEveryKnownKeyAndOnlyThose()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(ExampleFile).Build();
        var present = configuration.AsEnumerable().Where(entry => entry.Value is not null).Select(entry => entry.Key).ToList();

        var missing = ConfigurationSchema.Keys.Where(key => !present.Any(key.Matches)).Select(key => key.Pattern).ToList();

        missing.ShouldBeEmpty("add these keys to appsettings.Production.example.json");
        ConfigurationChecker.Check(configuration).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConfigCheck_Secrets_MaskedInTheEffectiveConfiguration()
    {
        using var output = new StringWriter();

        var exitCode = await ConfigCommands.CheckAsync(
        [
            "--Airgate:Airflow:BaseUrl=http://airflow.test",
            "--Airgate:Airflow:Username=gateway",
            "--Airgate:Airflow:Password=pw-Secret-41",
            "--Airgate:Database:Provider=Postgres",
            "--Airgate:Database:ConnectionString=Host=db;Username=airgate;Password=pg-Secret-42",
            "--Airgate:Airflow:RequestTimeout=30",
        ], output);

        var text = output.ToString();
        exitCode.ShouldBe(1);
        text.ShouldNotContain("pw-Secret-41");
        text.ShouldNotContain("pg-Secret-42");
        text.ShouldContain("Airgate:Airflow:Password = ***");
        text.ShouldContain("Airgate:Airflow:MaxRetries = 2 (default)");
        text.ShouldContain("Airgate:Airflow:RequestTimeout = 30.00:00:00 (a bare number is read as days)");
    }

    [Fact]
    public async Task ConfigCheck_CredentialsInAirflowBaseUrl_UserInfoMasked()
    {
        using var output = new StringWriter();

        await ConfigCommands.CheckAsync(["--Airgate:Airflow:BaseUrl=http://u:url-Secret-43@airflow.test:8080/airflow/", "--Airgate:Airflow:Token=t"], output);

        var text = output.ToString();
        text.ShouldNotContain("url-Secret-43");
        text.ShouldNotContain("u:");
        text.ShouldContain("Airgate:Airflow:BaseUrl = http://***@airflow.test:8080/airflow/");
    }

    [Fact]
    public async Task ConfigCheck_SettingsFileNotValidJson_OneLineNamingFileLineAndPosition()
    {
        var folder = Directory.CreateTempSubdirectory("airgate-settings-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "appsettings.json"), "{\n  \"Airgate\": {\n    \"Auth\": { \"Mode\": \"Jwt\" }\n  }\n},\n");
            using var output = new StringWriter();

            var exitCode = await ConfigCommands.CheckAsync([$"--contentRoot={folder.FullName}"], output);

            exitCode.ShouldBe(1);
            var text = output.ToString().Trim();
            text.Split('\n').Length.ShouldBe(1, text);
            text.ShouldContain(Path.Combine(folder.FullName, "appsettings.json"));
            text.ShouldContain("line 5, position");
            text.ShouldNotContain("   at ");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ConfigCheck_ValidConfiguration_ReportsOtherValidatorsProblemsToo()
    {
        using var output = new StringWriter();

        var exitCode = await ConfigCommands.CheckAsync(["--Airgate:Airflow:BaseUrl=http://airflow.test", "--Airgate:Airflow:Token=t"], output);

        exitCode.ShouldBe(1);
        output.ToString().ShouldContain("Airgate:Auth:Mode is not set");
    }

    [Fact]
    public async Task ConfigCheck_PostgresUnreachable_FailureLineNamesHostAndPortNotPassword()
    {
        using var output = new StringWriter();

        var exitCode = await ConfigCommands.CheckAsync(
        [
            "--Airgate:Database:Provider=Postgres",
            "--Airgate:Database:ConnectionString=Host=127.0.0.1;Port=1;Database=airgate;Username=airgate;Password=pg-Secret-44",
        ], output);

        var text = output.ToString();
        exitCode.ShouldBe(1);
        text.ShouldContain("Database: Airgate:Database:ConnectionString (PostgreSQL at 127.0.0.1:1, database airgate): cannot be reached");
        text.ShouldContain("  - Database: Airgate:Database:ConnectionString (PostgreSQL at 127.0.0.1:1, database airgate): cannot be reached");
        text.ShouldNotContain("pg-Secret-44");
        text.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task ConfigCheck_Offline_DatabaseNotTriedAndSaysSo()
    {
        using var output = new StringWriter();

        await ConfigCommands.CheckAsync(
        [
            "--Airgate:Database:Provider=Postgres",
            "--Airgate:Database:ConnectionString=Host=127.0.0.1;Port=1;Database=airgate;Password=pg-Secret-45",
        ], output, offline: true);

        var text = output.ToString();
        text.ShouldContain("Database: not tried (--offline): Airgate:Database:ConnectionString (PostgreSQL at 127.0.0.1:1, database airgate)");
        text.ShouldNotContain("cannot be reached");
        text.ShouldNotContain("pg-Secret-45");
    }

    [PostgresFact]
    public async Task ConfigCheck_PostgresReadOnly_ReportedAsProblem()
    {
        var connectionString = await TestDatabases.CreateAsync();
        try
        {
            await Health.DatabaseAvailabilityTests.SetReadOnlyAsync(connectionString, on: true);
            using var output = new StringWriter();

            var exitCode = await ConfigCommands.CheckAsync(["--Airgate:Database:Provider=Postgres", $"--Airgate:Database:ConnectionString={connectionString}"], output);

            var text = output.ToString();
            exitCode.ShouldBe(1);
            text.ShouldContain("reachable but read-only");
            text.ShouldNotContain($"Password={new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Password}");
        }
        finally
        {
            await TestDatabases.DropAsync(connectionString);
        }
    }

    [Fact]
    public async Task Gateway_UnknownKey_RefusesToStart()
    {
        await using var app = Program.BuildGateway(["--Airgate:Airflow:Pasword=x"]);

        var error = Should.Throw<AggregateException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ShouldContain("Airgate:Airflow:Pasword is not a key Airgate knows; did you mean Airgate:Airflow:Password?");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
