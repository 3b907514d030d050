using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Tests.Mwaa;

/// <summary><c>Transport=Mwaa</c> and <c>Mwaa:*</c> are validated at start like every other key; BaseUrl and credentials are not required.</summary>
public sealed class MwaaOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddAirflowClient();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Mwaa_needs_only_an_environment_no_base_url_or_airflow_credentials()
    {
        using var provider = Build(new() { ["Airgate:Airflow:Transport"] = "Mwaa", ["Airgate:Airflow:Mwaa:Environment"] = "cape-prod_1" });

        Should.NotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var options = provider.GetRequiredService<IOptions<AirflowOptions>>().Value;
        options.Transport.ShouldBe(AirflowTransport.Mwaa);
        options.Mwaa.Environment.ShouldBe("cape-prod_1");
        options.ToString().ShouldContain("Environment = cape-prod_1");
    }

    [Theory]
    [InlineData(null, null, null, "Airgate:Airflow:Mwaa:Environment is missing")]
    [InlineData("1starts-with-a-digit", null, null, "Airgate:Airflow:Mwaa:Environment is not an MWAA environment name")]
    [InlineData("has space", null, null, "Airgate:Airflow:Mwaa:Environment is not an MWAA environment name")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123456789012345678901", null, null, "Airgate:Airflow:Mwaa:Environment is not an MWAA environment name")]
    [InlineData("cape", "Europe", null, "Airgate:Airflow:Mwaa:Region is not an AWS region name")]
    [InlineData("cape", null, "not a url", "Airgate:Airflow:Mwaa:Endpoint is not an absolute http or https URL")]
    [InlineData("cape", null, "ftp://vpce.test", "Airgate:Airflow:Mwaa:Endpoint is not an absolute http or https URL")]
    [InlineData("cape", null, "https://vpce.test/restapi/cape", "Airgate:Airflow:Mwaa:Endpoint must be scheme, host and port only")]
    [InlineData("cape", null, "https://user:pw@vpce.test", "Airgate:Airflow:Mwaa:Endpoint must be scheme, host and port only")]
    public void Bad_mwaa_settings_fail_at_start_naming_the_key(string? environment, string? region, string? endpoint, string message)
    {
        using var provider = Build(new()
        {
            ["Airgate:Airflow:Transport"] = "Mwaa",
            ["Airgate:Airflow:Mwaa:Environment"] = environment,
            ["Airgate:Airflow:Mwaa:Region"] = region,
            ["Airgate:Airflow:Mwaa:Endpoint"] = endpoint,
        });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldContain(f => f.StartsWith(message, StringComparison.Ordinal), string.Join(" | ", error.Failures));
        error.Failures.ShouldNotContain(f => f.Contains("BaseUrl", StringComparison.Ordinal) || f.StartsWith("No Airflow credentials", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_still_needs_a_base_url_and_credentials()
    {
        using var provider = Build(new() { ["Airgate:Airflow:Transport"] = "Http", ["Airgate:Airflow:Mwaa:Environment"] = "cape" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldContain(f => f.Contains("Airgate:Airflow:BaseUrl is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_mwaa_the_chain_signs_instead_of_logging_in()
    {
        using var provider = Build(new() { ["Airgate:Airflow:Transport"] = "Mwaa", ["Airgate:Airflow:Mwaa:Environment"] = "cape" });

        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(IAirflowClient)); handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(handler);
        }

        chain.ShouldContain(h => h.GetType().Name == "MwaaInvokeRestApiHandler");
        chain.ShouldNotContain(h => h.GetType().Name == "AirflowTokenHandler");
    }
}
