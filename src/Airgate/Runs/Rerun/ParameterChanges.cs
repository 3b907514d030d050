using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;

namespace Airgate.Runs.Rerun;

/// <summary>
/// Every parameter that differs between the old run and its rerun (values with defaults filled, on both sides),
/// leaf by leaf through objects (arrays compare whole), each marked <c>user</c> when a patch pointer covers it or lies
/// under it and <c>default</c> otherwise (the profile's default changed since).
/// </summary>
internal static class ParameterChanges
{
    public static IReadOnlyList<ParameterChange> Between(StartedWith old, StartedWith rerun, IReadOnlyDictionary<string, IReadOnlyList<string>> touched)
    {
        var changes = new List<ParameterChange>();
        if (old.Params is not null || rerun.Params is not null)
        {
            Diff(null, "/params", old.Params ?? [], rerun.Params ?? [], touched.GetValueOrDefault(RerunPlan.ParamsKey) ?? [], changes);
            return changes;
        }

        var before = old.Pipelines.ToDictionary(p => p.Id, p => p.Parameters, StringComparer.Ordinal);
        var after = rerun.Pipelines.ToDictionary(p => p.Id, p => p.Parameters, StringComparer.Ordinal);
        foreach (var id in rerun.Pipelines.Select(p => p.Id).Concat(old.Pipelines.Select(p => p.Id)).Distinct(StringComparer.Ordinal))
        {
            Diff(id, string.Empty, before.GetValueOrDefault(id) ?? new JsonObject(), after.GetValueOrDefault(id) ?? new JsonObject(),
                touched.GetValueOrDefault(id) ?? [], changes);
        }

        return changes;
    }

    private static void Diff(string? pipeline, string pointer, JsonNode? old, JsonNode? now, IReadOnlyList<string> touched, List<ParameterChange> changes)
    {
        if (old is JsonObject oldObject && now is JsonObject nowObject)
        {
            foreach (var name in oldObject.Select(p => p.Key).Concat(nowObject.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var child = Core.Registry.JsonPointer.Append(pointer, name);
                switch ((oldObject.TryGetPropertyValue(name, out var before), nowObject.TryGetPropertyValue(name, out var after)))
                {
                    case (true, true):
                        Diff(pipeline, child, before, after, touched, changes);
                        break;
                    case (true, false):
                        changes.Add(new(pipeline, child, Element(before), null, By(child, touched)));
                        break;
                    default:
                        changes.Add(new(pipeline, child, null, Element(after), By(child, touched)));
                        break;
                }
            }

            return;
        }

        if (!string.Equals(CanonicalJson.Write(old), CanonicalJson.Write(now), StringComparison.Ordinal))
        {
            changes.Add(new(pipeline, pointer, Element(old), Element(now), By(pointer, touched)));
        }
    }

    private static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node);

    private static ChangeSource By(string pointer, IReadOnlyList<string> touched) =>
        touched.Any(t => t.Length == 0 || pointer == t || pointer.StartsWith(t + "/", StringComparison.Ordinal) || t.StartsWith(pointer + "/", StringComparison.Ordinal))
            ? ChangeSource.User
            : ChangeSource.Default;
}
