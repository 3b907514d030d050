using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Requests;

public sealed class RequestBinderTests
{
    public static TheoryData<string, string[]> BadQueries => new()
    {
        { "/api/v1/workflows/~/runs?limit=0&offset=-1&order_by=bogus&state=done&mine=yes", ["limit", "offset", "order_by", "state", "mine"] },
        { "/api/v1/workflows/~/runs?limit=1&limit=2", ["limit"] },
        { "/api/v1/workflows/~/runs?limit=99999999999999999999", ["limit"] },
        { "/api/v1/workflows/~/runs?user_name_pattern=%00x", ["user_name_pattern"] },
        { "/api/v1/workflows/bad%20id/runs?limit=x", ["dag_id", "limit"] },
        { "/api/v1/workflows?limit=%EF%BC%91&paused=1&dag_id_pattern=", ["limit", "paused", "dag_id_pattern"] },
        { "/api/v1/pipelines?limit=1001&runnable=TRUE", ["limit", "runnable"] },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BoundQuery_HostileValues_OneProblemNamingEveryParameter(string path, string[] parameters)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("parameter").GetString()).Distinct()
            .ShouldBe(parameters, ignoreOrder: true);
    }

    [Theory]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    public async Task TriggerRun_BadIdempotencyKey_Is400NamingTheHeader(string key)
    {
        await using var gateway = Gateway.Start();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workflows/bactopia_species_screen/runs?dry_run=maybe")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var problem = await (await gateway.Client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("parameter").GetString())
            .ShouldBe(["dry_run", "Idempotency-Key"], ignoreOrder: true);
    }
}
