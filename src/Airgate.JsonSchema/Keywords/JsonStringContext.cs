using System.Text.Json.Serialization;

namespace Airgate.JsonSchema.Keywords;

/// <summary>Source-generated serialization of strings, so property names become instances without reflection.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JsonStringContext : JsonSerializerContext;
