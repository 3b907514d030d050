using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>
/// SHA-256 (lowercase hex) of the canonical JSON of a normalised request: the dag_id, each pipeline by profile id in
/// stage order with the parameters as the client sent them (null when none), or the Params, plus note and logical
/// date. Both body forms, and ids or name@version, of one request give one fingerprint; defaults are not filled in
/// first, so a registry reload between a request and its retry does not change it.
/// </summary>
public static class RequestFingerprint
{
    public static string Compute(string dagId, TriggerRequest request)
    {
        var canonical = new JsonObject
        {
            ["dag_id"] = dagId,
            ["pipelines"] = new JsonArray([.. request.Pipelines.Select(p => (JsonNode?)new JsonObject
            {
                ["id"] = p.Profile.Id,
                ["parameters"] = p.Parameters?.DeepClone(),
            })]),
            ["params"] = request.DagParams?.DeepClone(),
            ["note"] = request.Note,
            ["logical_date"] = request.LogicalDate?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Write(canonical)));
        return Convert.ToHexStringLower(hash);
    }
}
