using System.Net;
using System.Text;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Presets;

/// <summary>Saved launch forms over HTTP: owned by their user, strict about their shape, never sent to Airflow.</summary>
public sealed class PresetsTests
{
    private const string Presets = "/api/v1/workflows/bactopia_species_screen/presets";
    private const string Values = """{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/results/weekly", "max_cpus": 8}}}""";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string name, string body, string mediaType = "application/json") =>
        client.PutAsync($"{Presets}/{Uri.EscapeDataString(name)}", new StringContent(body, Encoding.UTF8, mediaType));

    [Fact]
    public async Task SavePreset_NewThenSameName_CreatesThenReplaces()
    {
        await using var gateway = Gateway.Start();
        var alice = gateway.ClientFor("alice");

        var created = await (await PutAsync(alice, "Weekly screen", Values)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var replaced = await (await PutAsync(alice, "Weekly screen", """{"params": {"accession": "SRR1"}}""")).ShouldBeJsonAsync();

        created.GetProperty("name").GetString().ShouldBe("Weekly screen");
        created.GetProperty("pipelines").GetProperty("bactopia-kraken2-3.2.0").GetProperty("max_cpus").GetInt32().ShouldBe(8);
        replaced.GetProperty("params").GetProperty("accession").GetString().ShouldBe("SRR1");
        var listed = await (await alice.GetAsync(Presets)).ShouldBeJsonAsync();
        listed.GetProperty("presets").GetArrayLength().ShouldBe(1);
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path.Contains("presets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Presets_OfAnotherUser_AreNeitherListedReadNorDeleted()
    {
        await using var gateway = Gateway.Start();
        (await PutAsync(gateway.ClientFor("alice"), "mine", Values)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bob = gateway.ClientFor("bob", "admin");

        (await (await bob.GetAsync(Presets)).ShouldBeJsonAsync()).GetProperty("presets").GetArrayLength().ShouldBe(0);
        await (await bob.GetAsync($"{Presets}/mine")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bob.DeleteAsync($"{Presets}/mine")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await gateway.ClientFor("alice").GetAsync($"{Presets}/mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeletePreset_Existing_IsGoneAfterwards()
    {
        await using var gateway = Gateway.Start();
        var alice = gateway.ClientFor("alice");
        await PutAsync(alice, "old", Values);

        (await alice.DeleteAsync($"{Presets}/old")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await alice.GetAsync($"{Presets}/old")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"pipelines": []}""")]
    [InlineData("""{"pipelines": {"p": 3}}""")]
    [InlineData("""{"params": "x"}""")]
    [InlineData("""{"pipelines": {}, "conf": {}}""")]
    [InlineData("""{"pipelines": {"": {}}}""")]
    [InlineData("""{"a": 1, "a": 2}""")]
    [InlineData("{")]
    public async Task SavePreset_BadBody_Answers400AndStoresNothing(string body)
    {
        await using var gateway = Gateway.Start();
        var alice = gateway.ClientFor("alice");

        await (await PutAsync(alice, "bad", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await (await alice.GetAsync(Presets)).ShouldBeJsonAsync()).GetProperty("presets").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task SavePreset_EmptyBody_Answers400()
    {
        await using var gateway = Gateway.Start();

        await (await PutAsync(gateway.Client, "empty", "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SavePreset_NotJson_Answers415()
    {
        await using var gateway = Gateway.Start();

        await (await PutAsync(gateway.Client, "x", Values, "text/plain")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task SavePreset_TooLarge_Answers413()
    {
        await using var gateway = Gateway.Start();
        var big = "{\"params\": {\"note\": \"" + new string('x', 300 * 1024) + "\"}}";

        await (await PutAsync(gateway.Client, "big", big)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    public async Task SavePreset_BadName_Answers400(string name)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await PutAsync(gateway.Client, name, Values)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors")[0].GetProperty("parameter").GetString().ShouldBe("name");
    }

    [Fact]
    public async Task SavePreset_NameTooLong_Answers400()
    {
        await using var gateway = Gateway.Start();

        await (await PutAsync(gateway.Client, new string('n', 101), Values)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Presets_BadDagId_Answers400()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.GetAsync("/api/v1/workflows/bad%20id/presets")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CurrentUser_NamedUserWithRoles_SaysWhoAndWhichRoles()
    {
        await using var gateway = Gateway.Start();

        var me = await (await gateway.ClientFor("alice", "scientist", "admin").GetAsync("/api/v1/me")).ShouldBeJsonAsync();

        me.GetProperty("id").GetString().ShouldBe("alice");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["scientist", "admin"], ignoreOrder: true);
        me.GetProperty("is_admin").GetBoolean().ShouldBeTrue();
    }
}
