using System.Text.Json;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>One compiled keyword: immutable, evaluated many times, possibly from many threads at once.</summary>
internal abstract class Keyword(string name, string absoluteLocation)
{
    public string Name { get; } = name;

    public string AbsoluteLocation { get; } = absoluteLocation;

    /// <summary>The schema's own <c>errorMessage</c>, set at compile time when <see cref="SchemaOptions.CustomErrorMessages"/> is on; it replaces this keyword's message.</summary>
    public string? CustomMessage { get; set; }

    /// <summary>The strings of this keyword's last error, reused when the next one spells the same.</summary>
    public ErrorCache Cache { get; } = new();

    /// <summary>A copy allocated now: compilation copies every keyword once at the end, so that the keywords evaluated together sit together in memory instead of between the strings compilation made.</summary>
    public Keyword Relocated() => (Keyword)MemberwiseClone();

    /// <summary>Evaluates the keyword; <paramref name="marks"/> (when not null) receives the properties or items it evaluated.</summary>
    public abstract bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks);
}
