using System.Net;
using System.Text.Json.Nodes;
using Airgate.Airflow.Models;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

public sealed class TokenHandlerTests
{
    private const string DagUrl = $"{AirflowTestHost.BaseUrl}/api/v2/dags/etl";

    [Fact]
    public async Task FirstCall_WithPassword_LogsInThenSendsBearer()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond("application/json", AirflowSamples.Dag("etl"));

        var result = await host.Client.GetDagAsync("etl");

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        var login = host.Logins.ShouldHaveSingleItem();
        login.Method.ShouldBe(HttpMethod.Post);
        var body = JsonNode.Parse(login.Body ?? "null").ShouldBeOfType<JsonObject>();
        body["username"]?.GetValue<string>().ShouldBe(AirflowTestHost.Username);
        body["password"]?.GetValue<string>().ShouldBe(AirflowTestHost.Password);
        body.Count.ShouldBe(2);
        host.ApiRequests.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe("Bearer tok-1");
    }

    [Fact]
    public async Task SecondCall_TokenCached_DoesNotLogInAgain()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond("application/json", AirflowSamples.Dag("etl"));

        (await host.Client.GetDagAsync("etl")).IsSuccess.ShouldBeTrue();
        (await host.Client.GetDagAsync("etl")).IsSuccess.ShouldBeTrue();

        host.Logins.Count.ShouldBe(1);
        host.ApiRequests.Select(r => r.Headers["Authorization"]).ShouldAllBe(h => h == "Bearer tok-1");
    }

    [Fact]
    public async Task ExpiredToken_401Once_LogsInAgainAndRetriesOnce()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(request =>
            request.Headers.Authorization?.Parameter == "tok-2"
                ? AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.Dag("etl"))
                : AirflowTestHost.Json(HttpStatusCode.Unauthorized, """{"detail":"Token Expired"}"""));

        var result = await host.Client.GetDagAsync("etl");

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        host.Logins.Count.ShouldBe(2);
        host.ApiRequests.Select(r => r.Headers["Authorization"]).ShouldBe(["Bearer tok-1", "Bearer tok-2"]);
    }

    [Fact]
    public async Task RefusedToken_401Always_GivesUpAfterOneRenewalAsUnauthorized()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2", "tok-3");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.Unauthorized, "application/json", """{"detail":"Not authenticated"}""");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unauthorized);
        result.Failure.StatusCode.ShouldBe(401);
        host.Logins.Count.ShouldBe(2);
        host.ApiRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task InvalidJwt_403_LogsInAgainOnceThenUnauthorized()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2", "tok-3");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.Forbidden, "application/json", """{"detail":"Invalid JWT token"}""");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unauthorized);
        host.Logins.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Forbidden_403_DoesNotLogInAgainAndAnswersForbidden()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.Forbidden, "application/json", """{"detail":"Forbidden"}""");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Forbidden);
        host.Logins.Count.ShouldBe(1);
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TriggerAfter401_ReplaysTheSameBody()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2");
        host.Mock.When(HttpMethod.Post, $"{DagUrl}/dagRuns").Respond(request =>
            request.Headers.Authorization?.Parameter == "tok-2"
                ? AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.DagRun("etl", "r1"))
                : AirflowTestHost.Json(HttpStatusCode.Unauthorized, """{"detail":"Token Expired"}"""));

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { DagRunId = "r1", Conf = new JsonObject { ["x"] = 1 } });

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        var sent = host.ApiRequests;
        sent.Count.ShouldBe(2);
        sent[1].Body.ShouldNotBeNullOrEmpty();
        sent[1].Body.ShouldBe(sent[0].Body);
        sent[1].Headers["Content-Type"].ShouldStartWith("application/json");
    }

    [Fact]
    public async Task ConcurrentRequests_NoToken_ShareOneLogin()
    {
        using var host = new AirflowTestHost();
        var logins = 0;
        host.Mock.When(HttpMethod.Post, $"{AirflowTestHost.BaseUrl}/auth/token").Respond(async () =>
        {
            Interlocked.Increment(ref logins);

            // Slow enough that the other requests arrive while this login is in flight.
            await Task.Delay(100);
            return AirflowTestHost.Json(HttpStatusCode.Created, """{"access_token":"tok-1"}""");
        });
        host.Mock.When(HttpMethod.Get, DagUrl).Respond("application/json", AirflowSamples.Dag("etl"));
        var client = host.Client;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetDagAsync("etl")));

        results.ShouldAllBe(r => r.IsSuccess);
        logins.ShouldBe(1);
        host.ApiRequests.Count.ShouldBe(20);
    }

    [Fact]
    public async Task ConcurrentRequests_AllRefused_ShareOneRenewal()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-1", "tok-2", "tok-3", "tok-4");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(request =>
            request.Headers.Authorization?.Parameter == "tok-1"
                ? AirflowTestHost.Json(HttpStatusCode.Unauthorized, """{"detail":"Token Expired"}""")
                : AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.Dag("etl")));
        var client = host.Client;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetDagAsync("etl")));

        results.ShouldAllBe(r => r.IsSuccess);
        host.Logins.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ConcurrentRequests_BadCredentials_ShareOneFailedLogin()
    {
        using var host = new AirflowTestHost();
        var logins = 0;
        host.Mock.When(HttpMethod.Post, $"{AirflowTestHost.BaseUrl}/auth/token").Respond(async () =>
        {
            Interlocked.Increment(ref logins);
            await Task.Delay(100);
            return AirflowTestHost.Json(HttpStatusCode.Unauthorized, """{"detail":"Invalid credentials"}""");
        });
        var client = host.Client;

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetDagAsync("etl")));

        results.ShouldAllBe(r => r.Failure != null && r.Failure.Error == AirflowError.Unauthorized);
        logins.ShouldBeLessThan(10);
        host.ApiRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task BadCredentials_LoginAnswers401_UnauthorizedAndApiNeverCalled()
    {
        using var host = new AirflowTestHost();
        host.Mock.When(HttpMethod.Post, $"{AirflowTestHost.BaseUrl}/auth/token").Respond(HttpStatusCode.Unauthorized, "application/json", """{"detail":"Invalid credentials"}""");

        var result = await host.Client.GetDagAsync("etl");

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(AirflowError.Unauthorized);
        failure.Detail.ShouldContain("Invalid credentials");
        host.ApiRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Login_AnswersWithoutAccessToken_InvalidResponse()
    {
        using var host = new AirflowTestHost();
        host.Mock.When(HttpMethod.Post, $"{AirflowTestHost.BaseUrl}/auth/token").Respond(HttpStatusCode.Created, "application/json", """{"token":"x"}""");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.InvalidResponse);
        host.ApiRequests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Found)]
    public async Task Login_AnswersNeither201Nor401Nor403_InvalidResponseNotTheClientsError(HttpStatusCode status)
    {
        using var host = new AirflowTestHost();
        host.Mock.When(HttpMethod.Post, $"{AirflowTestHost.BaseUrl}/auth/token").Respond(status, "application/json", """{"detail":"Not Found"}""");

        var result = await host.Client.GetDagAsync("etl");

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(AirflowError.InvalidResponse);
        failure.StatusCode.ShouldBe((int)status);
        host.ApiRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task StaticToken_Configured_SentAsIsWithoutLogin()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond("application/json", AirflowSamples.Dag("etl"));

        (await host.Client.GetDagAsync("etl")).IsSuccess.ShouldBeTrue();

        host.Logins.ShouldBeEmpty();
        host.ApiRequests.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe($"Bearer {AirflowTestHost.StaticToken}");
    }

    [Fact]
    public async Task StaticToken_Refused_UnauthorizedWithoutLoginOrRetry()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.Unauthorized, "application/json", """{"detail":"Token Expired"}""");

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unauthorized);
        host.Logins.ShouldBeEmpty();
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task VersionAndHealth_NeedNoToken_SentWithoutLogin()
    {
        using var host = new AirflowTestHost();
        host.Mock.When(HttpMethod.Post, $"{AirflowTestHost.BaseUrl}/auth/token").Respond(HttpStatusCode.Unauthorized);
        host.Mock.When(HttpMethod.Get, $"{AirflowTestHost.BaseUrl}/api/v2/version").Respond("application/json", AirflowSamples.Version);
        host.Mock.When(HttpMethod.Get, $"{AirflowTestHost.BaseUrl}/api/v2/monitor/health").Respond("application/json", AirflowSamples.Health);

        var version = await host.Client.GetVersionAsync();
        var health = await host.Client.GetHealthAsync();

        version.Value.ShouldNotBeNull().Version.ShouldBe("3.2.1");
        health.Value.ShouldNotBeNull().Metadatabase.ShouldNotBeNull().Status.ShouldBe("healthy");
        host.Logins.ShouldBeEmpty();
        host.ApiRequests.ShouldAllBe(r => !r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Logs_LoginRenewalAndFailures_NeverContainSecrets()
    {
        using var host = new AirflowTestHost();
        host.AcceptLogin("tok-Secret-1", "tok-Secret-2");
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.Unauthorized, "application/json", """{"detail":"Token Expired"}""");
        host.Mock.When(HttpMethod.Post, $"{DagUrl}/dagRuns").Respond(HttpStatusCode.BadRequest, "application/json", """{"detail":"Invalid input for param n"}""");

        await host.Client.GetDagAsync("etl");
        await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { Conf = [] });

        host.Logs.Entries.ShouldNotBeEmpty();
        var logs = host.Logs.AllText;
        logs.ShouldNotContain(AirflowTestHost.Password);
        logs.ShouldNotContain("tok-Secret");
        logs.ShouldNotContain("Bearer", Case.Insensitive);
        logs.ShouldNotContain("\"password\"");
    }

    [Fact]
    public async Task Logs_StaticToken_NeverContainTheToken()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, DagUrl).Respond(HttpStatusCode.Unauthorized);

        await host.Client.GetDagAsync("etl");

        host.Logs.AllText.ShouldNotContain(AirflowTestHost.StaticToken);
    }

    [Fact]
    public async Task Logs_FailedCall_NameMethodPathStatusAndErrorButNoQuery()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.When(HttpMethod.Get, $"{AirflowTestHost.BaseUrl}/api/v2/dags").Respond(HttpStatusCode.ServiceUnavailable);

        await host.Client.ListDagsAsync(new DagQuery { DagIdPattern = "private_marker%" });

        var failed = host.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).ShouldHaveSingleItem();
        failed.Message.ShouldContain("GET /api/v2/dags");
        failed.Message.ShouldContain("ServerError");
        failed.Message.ShouldContain("503");
        host.Logs.AllText.ShouldNotContain("private_marker");
    }
}
