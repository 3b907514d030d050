using System.Text.Json;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>One compiled keyword: immutable, evaluated many times, possibly from many threads at once.</summary>
internal abstract class Keyword(string name, string absoluteLocation)
{
    public string Name { get; } = name;

    public string AbsoluteLocation { get; } = absoluteLocation;

    /// <summary>The strings of this keyword's last error, reused when the next one spells the same.</summary>
    public ErrorCache Cache { get; } = new();

    /// <summary>Evaluates the keyword; <paramref name="marks"/> (when not null) receives the properties or items it evaluated.</summary>
    public abstract bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks);
}
