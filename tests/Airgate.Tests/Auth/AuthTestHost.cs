using System.Net.Http.Json;
using Airgate.Auth;
using Airgate.Problems;
using Airgate.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Airgate.Auth.Tests;

/// <summary>
/// A minimal gateway per test: only <c>AddAirgateAuth</c>, a probe group behind <c>RequireAirgateUser</c>
/// that echoes the <see cref="AirgateUser"/>, an admin-only probe and an anonymous health probe.
/// </summary>
internal sealed class AuthTestHost : IAsyncDisposable
{
    private AuthTestHost(WebApplication app, CapturingLoggerProvider logs, ManualTimeProvider time)
    {
        App = app;
        Logs = logs;
        Time = time;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public ManualTimeProvider Time { get; }

    public static async Task<AuthTestHost> StartAsync(IDictionary<string, string?> config, Action<WebApplicationBuilder>? configure = null, ManualTimeProvider? time = null)
    {
        var (app, logs, clock) = Build(config, configure, time);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new AuthTestHost(app, logs, clock);
    }

    /// <summary>Starts a host that must refuse to start, and returns why.</summary>
    public static async Task<Exception> StartFailureAsync(IDictionary<string, string?> config)
    {
        var (app, _, _) = Build(config, null, null);
        await using (app)
        {
            return await Should.ThrowAsync<Exception>(() => app.StartAsync());
        }
    }

    public async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetWithBearerAsync(string token) => GetAsync("/api/v1/me", ("Authorization", $"Bearer {token}"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    private static (WebApplication App, CapturingLoggerProvider Logs, ManualTimeProvider Time) Build(
        IDictionary<string, string?> config, Action<WebApplicationBuilder>? configure, ManualTimeProvider? time)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        // Only what the test says: no appsettings, no AIRGATE_ environment variables from the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var clock = time ?? new ManualTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(clock);

        builder.AddAirgateAuth();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAirgateAuth();
        var api = app.MapGroup("/api/v1").RequireAirgateUser();
        api.MapGet("/me", (AirgateUser user) => user);
        api.MapGet("/admin", (HttpContext context) => context.GetAirgateUser()).RequireAuthorization(AuthSchemes.AdminPolicy);
        app.MapGet("/health/live", () => "ok");
        return (app, logs, clock);
    }
}

/// <summary>The probe's answer: the <see cref="AirgateUser"/> as JSON.</summary>
internal sealed record UserBody(string Id, string Name, string[] Roles, bool IsAdmin);

/// <summary>An RFC 9457 problem as the client reads it.</summary>
internal sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, string? TraceId);

internal static class AuthResponseAssertions
{
    public static async Task<UserBody> ShouldBeUserAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return await response.Content.ReadFromJsonAsync<UserBody>() ?? throw new InvalidOperationException("No user in the answer.");
    }

    /// <summary>Asserts a problem answer: status, content type, type, title, and a detail containing <paramref name="detail"/>.</summary>
    public static async Task<ProblemBody> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string type, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>() ?? throw new InvalidOperationException("No problem body.");
        problem.Status.ShouldBe(status);
        problem.Type.ShouldBe(type);
        problem.Title.ShouldNotBeNullOrWhiteSpace();
        problem.TraceId.ShouldNotBeNullOrWhiteSpace();
        problem.Detail.ShouldNotBeNull().ShouldContain(detail, Case.Insensitive);
        return problem;
    }

    public static async Task<ProblemBody> ShouldBe401Async(this HttpResponseMessage response, string detail)
    {
        var problem = await response.ShouldBeProblemAsync(401, ProblemTypes.Unauthenticated, detail);
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
        response.Headers.WwwAuthenticate.First().Scheme.ShouldBe("Bearer");
        return problem;
    }
}
