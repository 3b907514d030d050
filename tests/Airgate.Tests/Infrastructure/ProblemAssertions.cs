using System.Net;
using System.Text.Json;

namespace Airgate.Tests.Infrastructure;

/// <summary>Asserts an answer is an RFC 9457 problem with the expected status, and returns its body.</summary>
internal static class ProblemAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        body.GetProperty("status").GetInt32().ShouldBe((int)status);
        body.GetProperty("type").GetString().ShouldStartWith("https://airgate.dev/problems/");
        body.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        text.ShouldNotContain("   at ", customMessage: "no stack trace in a problem");
        return body;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
