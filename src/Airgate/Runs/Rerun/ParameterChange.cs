using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airgate.Runs.Rerun;

/// <summary>One parameter a rerun changed: where, from what, to what, and whether the user or a changed default did it.</summary>
/// <param name="Pipeline">The profile id; null for an Airflow Params workflow.</param>
/// <param name="Pointer">JSON Pointer into the pipeline's parameters (into the body, <c>/params/...</c>, for Params).</param>
/// <param name="Old">The old run's value; absent when it had none.</param>
/// <param name="New">The rerun's value; absent when it has none.</param>
/// <param name="By"><c>user</c> when the patch set or removed it, <c>default</c> when the profile's default changed.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'pointer' is the wire name (a JSON Pointer).")]
internal sealed record ParameterChange(
    string? Pipeline,
    string Pointer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Old,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? New,
    ChangeSource By);
