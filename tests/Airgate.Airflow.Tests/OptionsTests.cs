using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow.Tests;

public sealed class OptionsTests
{
    public static TheoryData<string?, string?, string?, string?, string> BadSettings => new()
    {
        { null, "u", "p", null, "Airgate:Airflow:BaseUrl is missing" },
        { "airflow:8080", "u", "p", null, "Airgate:Airflow:BaseUrl 'airflow:8080' is not an absolute http or https URL" },
        { "/relative", "u", "p", null, "Airgate:Airflow:BaseUrl '/relative' is not an absolute http or https URL" },
        { "ftp://airflow", "u", "p", null, "is not an absolute http or https URL" },
        { "http://airflow?x=1", "u", "p", null, "must not carry a query" },
        { "http://airflow", null, null, null, "No Airflow credentials: set Airgate:Airflow:Username and Airgate:Airflow:Password" },
        { "http://airflow", "u", "p", "t", "use exactly one way to authenticate" },
        { "http://airflow", "u", null, null, "Airgate:Airflow:Password is missing" },
        { "http://airflow", null, "p", null, "Airgate:Airflow:Username is missing" },
    };

    private static ServiceProvider Build(Dictionary<string, string?> values, string? section = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        if (section is null)
        {
            services.AddAirflowClient();
        }
        else
        {
            services.AddAirflowClient(section);
        }

        return services.BuildServiceProvider();
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSettings_FailsAtStartNamingTheKey(string? baseUrl, string? username, string? password, string? token, string message)
    {
        using var provider = Build(new()
        {
            ["Airgate:Airflow:BaseUrl"] = baseUrl,
            ["Airgate:Airflow:Username"] = username,
            ["Airgate:Airflow:Password"] = password,
            ["Airgate:Airflow:Token"] = token,
        });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldContain(f => f.Contains(message, StringComparison.Ordinal), string.Join(" | ", error.Failures));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        using var provider = Build(new()
        {
            ["Airgate:Airflow:RequestTimeout"] = "-00:00:01",
            ["Airgate:Airflow:MaxRetries"] = "99",
        });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AirflowOptions>>().Value);

        error.Failures.Count().ShouldBe(4);
        error.Failures.ShouldContain(f => f.Contains("Airgate:Airflow:RequestTimeout"));
        error.Failures.ShouldContain(f => f.Contains("Airgate:Airflow:MaxRetries"));
    }

    [Theory]
    [InlineData("auto", AirflowApiVersion.Auto)]
    [InlineData("v1", AirflowApiVersion.V1)]
    [InlineData("V2", AirflowApiVersion.V2)]
    [InlineData(null, AirflowApiVersion.Auto)]
    public void Bind_ApiVersion_CaseInsensitiveAutoByDefault(string? setting, AirflowApiVersion expected)
    {
        using var provider = Build(new() { ["Airgate:Airflow:BaseUrl"] = "http://airflow:8080", ["Airgate:Airflow:Token"] = "t", ["Airgate:Airflow:ApiVersion"] = setting });

        provider.GetRequiredService<IOptions<AirflowOptions>>().Value.ApiVersion.ShouldBe(expected);
    }

    [Fact]
    public void Validate_ApiVersionNumberOutOfRange_NamesTheKey()
    {
        using var provider = Build(new() { ["Airgate:Airflow:BaseUrl"] = "http://airflow:8080", ["Airgate:Airflow:Token"] = "t", ["Airgate:Airflow:ApiVersion"] = "7" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AirflowOptions>>().Value);

        error.Failures.ShouldHaveSingleItem().ShouldContain("Airgate:Airflow:ApiVersion must be auto, v2 (Airflow 3) or v1 (Airflow 2.x)");
    }

    [Fact]
    public void Bind_ApiVersionUnknownName_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["Airgate:Airflow:BaseUrl"] = "http://airflow:8080", ["Airgate:Airflow:Token"] = "t", ["Airgate:Airflow:ApiVersion"] = "v3" });

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IOptions<AirflowOptions>>().Value).Message.ShouldContain("Airgate:Airflow:ApiVersion");
    }

    [Fact]
    public void Bind_DefaultsOnly_MatchDocumentedDefaults()
    {
        using var provider = Build(new() { ["Airgate:Airflow:BaseUrl"] = "http://airflow:8080", ["Airgate:Airflow:Token"] = "t" });

        var options = provider.GetRequiredService<IOptions<AirflowOptions>>().Value;

        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        options.MaxRetries.ShouldBe(2);
        options.UsesStaticToken.ShouldBeTrue();
        AirflowOptions.SectionName.ShouldBe("Airgate:Airflow");
    }

    [Fact]
    public void Bind_CustomSection_ReadsAndNamesThatSection()
    {
        using var provider = Build(new() { ["Other:Airflow:BaseUrl"] = "nope", ["Other:Airflow:Token"] = "t" }, "Other:Airflow");

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Failures.ShouldHaveSingleItem().ShouldStartWith("Other:Airflow:BaseUrl");
    }

    [Fact]
    public void ToString_WithSecrets_HidesPasswordAndToken()
    {
        var options = new AirflowOptions { BaseUrl = "http://a", Username = "u", Password = "pw-123", Token = "tok-456" };

        var text = options.ToString();

        text.ShouldContain("http://a");
        text.ShouldNotContain("pw-123");
        text.ShouldNotContain("tok-456");
    }

    [Fact]
    public void PrimaryHandler_Default_SocketsHandlerWithoutRedirectsOrCookies()
    {
        using var provider = Build(new()
        {
            ["Airgate:Airflow:BaseUrl"] = "http://airflow:8080",
            ["Airgate:Airflow:Token"] = "t",
            ["Airgate:Airflow:ConnectTimeout"] = "00:00:03",
        });

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(IAirflowClient));

        var sockets = Chain(handler).OfType<SocketsHttpHandler>().ShouldHaveSingleItem();
        sockets.AllowAutoRedirect.ShouldBeFalse();
        sockets.UseCookies.ShouldBeFalse();
        sockets.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(3));
        sockets.PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(5));
        Chain(handler).ShouldContain(h => h.GetType().Name == "AirflowTokenHandler");
    }

    [Fact]
    public async Task PrimaryHandler_SuppliedByCaller_ReplacesSocketsAndKeepsToken()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airgate:Airflow:BaseUrl"] = "http://emulator",
            ["Airgate:Airflow:Token"] = "tok",
            ["Airgate:Airflow:ApiVersion"] = "v2",
        }).Build());
        services.AddLogging();
        var emulator = new Testing.OpenApi.RecordingHandler(new StaticHandler(AirflowSamples.Version));
        services.AddAirflowClient().ConfigurePrimaryHttpMessageHandler(() => emulator);
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IAirflowClient>().GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.InvalidResponse);
        var sent = emulator.Requests.ShouldHaveSingleItem();
        sent.Uri.AbsoluteUri.ShouldBe("http://emulator/api/v2/dags/etl");
        sent.Headers["Authorization"].ShouldBe("Bearer tok");
        Chain(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(IAirflowClient))).OfType<SocketsHttpHandler>().ShouldBeEmpty();
    }

    private static IEnumerable<HttpMessageHandler> Chain(HttpMessageHandler? handler)
    {
        for (; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            yield return handler;
        }
    }

    private sealed class StaticHandler(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(AirflowTestHost.Json(HttpStatusCode.OK, json));
    }
}
