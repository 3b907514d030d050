using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.ETags;

public sealed class ETagTests
{
    [Theory]
    [InlineData("/api/v1/workflows")]
    [InlineData("/api/v1/workflows/bactopia_species_screen")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/tasks")]
    [InlineData("/api/v1/pipelines")]
    [InlineData("/api/v1/registry/problems")]
    public async Task Read_WithMatchingIfNoneMatch_Answers304WithNoBody(string path)
    {
        await using var gateway = Gateway.Start();
        var first = await gateway.Client.GetAsync(path);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag.ShouldNotBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", {etag.Tag}");
        var second = await gateway.Client.SendAsync(request);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        second.Headers.ETag.ShouldBe(etag);
    }

    [Theory]
    [InlineData("\"stale\"")]
    [InlineData("not an etag")]
    [InlineData("W/")]
    [InlineData("\"unterminated")]
    public async Task Read_WithOtherOrMalformedIfNoneMatch_AnswersFullBody(string ifNoneMatch)
    {
        await using var gateway = Gateway.Start();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workflows");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);

        var response = await gateway.Client.SendAsync(request);

        var body = await response.ShouldBeJsonAsync();
        body.GetProperty("total_entries").GetInt32().ShouldBeGreaterThan(0);
        response.Headers.ETag.ShouldNotBeNull();
    }

    [Fact]
    public async Task Read_SameAnswerTwice_HasTheSameETag_AndAnotherAnswerAnother()
    {
        await using var gateway = Gateway.Start();

        var a = (await gateway.Client.GetAsync("/api/v1/workflows?limit=2")).Headers.ETag?.Tag;
        var b = (await gateway.Client.GetAsync("/api/v1/workflows?limit=2")).Headers.ETag?.Tag;
        var c = (await gateway.Client.GetAsync("/api/v1/workflows?limit=1")).Headers.ETag?.Tag;

        a.ShouldNotBeNull();
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public async Task ProblemAnswer_HasNoETag()
    {
        await using var gateway = Gateway.Start();

        var response = await gateway.Client.GetAsync("/api/v1/workflows/no_such_dag");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        response.Headers.ETag.ShouldBeNull();
    }
}
