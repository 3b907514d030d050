using Airgate.JsonSchema.Keywords;

namespace Airgate.JsonSchema.Evaluation;

/// <summary>One compiled (sub)schema: a boolean, or the keyword evaluators found in it, unevaluated* last.</summary>
internal sealed class SchemaNode(string absoluteLocation, SchemaResource resource)
{
    public string AbsoluteLocation { get; } = absoluteLocation;

    public SchemaResource Resource { get; } = resource;

    /// <summary>Set for the boolean schemas <c>true</c> and <c>false</c>.</summary>
    public bool? Constant { get; set; }

    public Keyword[] Keywords { get; set; } = [];

    /// <summary>True when a keyword here needs to know which properties or items its siblings evaluated.</summary>
    public bool TracksEvaluated { get; set; }
}
