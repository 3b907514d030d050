using System.Text.Json;

namespace Airgate.Tests.Runs.Events;

internal sealed record SseEvent(string? Id, string Name, string Data)
{
    /// <summary>The name given to comment lines (<c>: keep-alive</c>).</summary>
    public const string Comment = "(comment)";

    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}
