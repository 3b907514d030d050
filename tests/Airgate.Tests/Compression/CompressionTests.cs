using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Airgate.Tests.Runs;

namespace Airgate.Tests.Compression;

/// <summary>
/// Answers compressed when the client accepts it: JSON, problems and the launchpad's files; never an event stream or a
/// streamed log, which must reach the client event by event.
/// </summary>
public sealed class CompressionTests : IDisposable
{
    private const string Asset = "/assets/index-Zz9.js";
    private const string PrecompressedAsset = "/assets/pre-Yy8.js";
    private readonly DirectoryInfo _build = Directory.CreateTempSubdirectory("airgate-ui-compression-");
    private readonly byte[] _script;
    private readonly byte[] _scriptBr;
    private readonly byte[] _scriptGz;

    public CompressionTests()
    {
        // A script as Vite writes them: long, repetitive text.
        var script = new StringBuilder();
        for (var i = 0; i < 4000; i++)
        {
            script.Append("export function field").Append(i).Append("(value) { return value ?? 'default value of the field'; }\n");
        }

        _script = Encoding.UTF8.GetBytes(script.ToString());
        File.WriteAllText(Path.Combine(_build.FullName, "index.html"), "<!doctype html><html><head><title>compression test build</title></head><body></body></html>");
        Directory.CreateDirectory(Path.Combine(_build.FullName, "assets"));
        File.WriteAllBytes(Path.Combine(_build.FullName, "assets", "index-Zz9.js"), _script);

        // As ui/scripts/compress.mjs leaves a build: the best Brotli and gzip copies beside the file.
        File.WriteAllBytes(Path.Combine(_build.FullName, "assets", "pre-Yy8.js"), _script);
        using (var br = new MemoryStream())
        {
            using (var encoder = new BrotliStream(br, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                encoder.Write(_script);
            }

            _scriptBr = br.ToArray();
        }

        using (var gz = new MemoryStream())
        {
            using (var encoder = new GZipStream(gz, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                encoder.Write(_script);
            }

            _scriptGz = gz.ToArray();
        }

        File.WriteAllBytes(Path.Combine(_build.FullName, "assets", "pre-Yy8.js.br"), _scriptBr);
        File.WriteAllBytes(Path.Combine(_build.FullName, "assets", "pre-Yy8.js.gz"), _scriptGz);
    }

    public void Dispose() => _build.Delete(recursive: true);

    private Gateway Start(ManualTimeProvider? clock = null) => Gateway.Start(options =>
    {
        options.Settings["Airgate:Ui:Path"] = _build.FullName;
        options.Clock = clock;
    });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request, completion).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<byte[]> DecodedAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            var other => throw new InvalidOperationException($"Unexpected Content-Encoding {other}"),
        };
        using var bytes = new MemoryStream();
        await decoded.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task Asset_WithAcceptEncodingBr_IsBrotliOfTheSameBytesAndStaysImmutable()
    {
        await using var gateway = Start();

        using var plain = await GetAsync(gateway.Client, Asset, null);
        using var brotli = await GetAsync(gateway.Client, Asset, "gzip, deflate, br");
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var brotliLength = (await brotli.Content.ReadAsByteArrayAsync()).Length;
        using var again = await GetAsync(gateway.Client, Asset, "br");

        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        plainBytes.ShouldBe(_script);
        brotli.StatusCode.ShouldBe(HttpStatusCode.OK);
        brotli.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        brotli.Headers.Vary.ShouldContain("Accept-Encoding");
        brotli.Headers.CacheControl!.ToString().ShouldContain("immutable");
        brotliLength.ShouldBeLessThan(_script.Length / 10, "a repetitive script compresses well");
        (await DecodedAsync(again)).ShouldBe(_script);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task PrecompressedAsset_IsTheBuildsCopyForTheAcceptedEncoding(string? acceptEncoding, string? expected)
    {
        await using var gateway = Start();

        using var plain = await GetAsync(gateway.Client, PrecompressedAsset, null);
        using var response = await GetAsync(gateway.Client, PrecompressedAsset, acceptEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        response.Headers.Vary.ShouldContain("Accept-Encoding");
        if (expected is null)
        {
            response.Content.Headers.ContentEncoding.ShouldBeEmpty();
            body.ShouldBe(_script);
            return;
        }

        // The very bytes the build wrote (not compressed again at the request), which decode to the script, with an
        // ETag of their own (a cache never answers one encoding's ETag with the other's bytes).
        response.Content.Headers.ContentEncoding.ShouldBe([expected]);
        body.ShouldBe(expected == "br" ? _scriptBr : _scriptGz);
        response.Headers.ETag.ShouldNotBe(plain.Headers.ETag);
        using var again = await GetAsync(gateway.Client, PrecompressedAsset, acceptEncoding);
        (await DecodedAsync(again)).ShouldBe(_script);
    }

    [Fact]
    public async Task PrecompressedCopy_OfAMissingFile_IsNotServedAndUnknownPathsStay404()
    {
        await using var gateway = Start();

        using var missing = await GetAsync(gateway.Client, "/assets/none-Xx1.js", "br");

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Page_WithAcceptEncodingGzip_IsGzipAndKeepsItsSecurityHeaders()
    {
        await using var gateway = Start();

        using var page = await GetAsync(gateway.Client, "/runs/some_dag/some_run", "gzip");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        page.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        page.Headers.CacheControl!.NoCache.ShouldBeTrue();
        Encoding.UTF8.GetString(await DecodedAsync(page)).ShouldContain("<title>compression test build</title>");
    }

    [Fact]
    public async Task JsonListing_IsGzipWhenAcceptedAndIdentityOtherwise()
    {
        await using var gateway = Start();

        using var identity = await GetAsync(gateway.Client, "/api/v1/workflows", null);
        using var gzip = await GetAsync(gateway.Client, "/api/v1/workflows", "gzip");
        using var unknown = await GetAsync(gateway.Client, "/api/v1/workflows", "compress");
        var identityBytes = await identity.Content.ReadAsByteArrayAsync();

        identity.StatusCode.ShouldBe(HttpStatusCode.OK);
        identity.Content.Headers.ContentEncoding.ShouldBeEmpty();
        gzip.StatusCode.ShouldBe(HttpStatusCode.OK);
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        gzip.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var decoded = await DecodedAsync(gzip);
        JsonDocument.Parse(decoded).RootElement.GetProperty("workflows").GetArrayLength()
            .ShouldBe(JsonDocument.Parse(identityBytes).RootElement.GetProperty("workflows").GetArrayLength());
        unknown.Content.Headers.ContentEncoding.ShouldBeEmpty("an encoding Airgate does not offer gets identity");
    }

    [Fact]
    public async Task Problem_WithAcceptEncodingBr_IsBrotliProblemJson()
    {
        await using var gateway = Start();

        using var problem = await GetAsync(gateway.Client, "/api/v1/workflows/no_such_workflow", "br");

        problem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        JsonDocument.Parse(await DecodedAsync(problem)).RootElement.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task RunEvents_WithAcceptEncoding_AreNotCompressedAndDeliverEachEvent()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Start(clock);
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);

        using var stream = await GetAsync(gateway.Client, RunBodies.RunPath(run) + "/events", "gzip, br", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        stream.StatusCode.ShouldBe(HttpStatusCode.OK);
        stream.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        stream.Content.Headers.ContentEncoding.ShouldBeEmpty();
        // The snapshot arrives while the stream stays open: a compressor would hold it in its block.
        (await ReadEventNameAsync(reader)).ShouldBe("snapshot");
        clock.Advance(TimeSpan.FromSeconds(4));
        (await ReadEventNameAsync(reader)).ShouldNotBeNull("a later change arrives too");
    }

    [Fact]
    public async Task FollowedAndTextLogs_WithAcceptEncoding_AreNotCompressed()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Start(clock);
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromSeconds(7));
        var path = RunBodies.RunPath(run) + "/tasks/prepare_samples/logs";

        using var follow = await GetAsync(gateway.Client, path + "?follow=true", "gzip, br", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await follow.Content.ReadAsStreamAsync());
        using var text = new HttpRequestMessage(HttpMethod.Get, path);
        text.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        text.Headers.TryAddWithoutValidation("Accept", "text/plain");
        using var textAnswer = await gateway.Client.SendAsync(text).WaitAsync(TimeSpan.FromSeconds(30));

        follow.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await ReadEventNameAsync(reader)).ShouldBe("log", "the first lines arrive while the task still runs");
        textAnswer.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        textAnswer.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    private static async Task<string?> ReadEventNameAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line["event: ".Length..];
            }
        }

        return null;
    }
}
