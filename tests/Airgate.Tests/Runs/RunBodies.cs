using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Tests.Runs;

/// <summary>Request bodies and calls the run tests share.</summary>
internal static class RunBodies
{
    public const string Screen = "bactopia_species_screen";
    public const string Kraken = "bactopia-kraken2-3.2.0";
    public const string ScreenRuns = "/api/v1/workflows/bactopia_species_screen/runs";

    public static JsonObject ValidScreen(string outdir = "/data/out") => new()
    {
        ["pipelines"] = new JsonObject
        {
            [Kraken] = new JsonObject
            {
                ["samples"] = new JsonArray(new JsonObject { ["sample"] = "S1", ["r1"] = "s1_R1.fastq.gz" }),
                ["outdir"] = outdir,
                ["kraken2_db"] = "/db/k2",
            },
        },
        ["note"] = "first screen",
    };

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> TriggerAsync(this HttpClient client, JsonNode body, string? idempotencyKey = null, string path = ScreenRuns)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return client.SendAsync(request);
    }

    public static string RunPath(JsonElement run) =>
        $"/api/v1/workflows/{run.GetProperty("dag_id").GetString()}/runs/{Uri.EscapeDataString(run.GetProperty("dag_run_id").GetString()!)}";

    public static int TriggerPosts(this AirflowEmulator.AirflowEmulator emulator, string dagId = Screen) =>
        emulator.Requests.Count(r => r.Method == "POST" && r.Path == $"/api/v2/dags/{dagId}/dagRuns");
}
