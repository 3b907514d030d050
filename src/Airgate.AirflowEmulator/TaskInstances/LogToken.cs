using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.TaskInstances;

/// <summary>
/// The emulator's continuation token: URL-safe base64 of <c>{"log_pos": n, "end_of_log": false}</c>, as opaque to a
/// client as Airflow's signed one. A token it did not issue is refused (Airflow answers 400 "Bad Signature").
/// </summary>
internal static class LogToken
{
    private const int MaxLength = 256;

    public static string Write(int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["log_pos"] = position, ["end_of_log"] = false }.ToJsonString()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int? Read(string token)
    {
        if (token.Length is 0 or > MaxLength)
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var json = JsonNode.Parse(Convert.FromBase64String(base64));
            return json?["log_pos"] is JsonValue value && value.TryGetValue<int>(out var position) && position >= 0 ? position : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
