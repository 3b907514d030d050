namespace Airgate.JsonSchema.Compilation;

/// <summary>Tells which draft a <c>$schema</c> URI names.</summary>
internal static class Drafts
{
    public const string Draft7Uri = "http://json-schema.org/draft-07/schema";
    public const string Draft201909Uri = "https://json-schema.org/draft/2019-09/schema";

    /// <summary>The draft a standard meta-schema URI names, or null for any other URI (a custom meta-schema, an older draft).</summary>
    public static Draft? Known(string? dialect) => dialect?.TrimEnd('#') switch
    {
        null => null,
        Draft7Uri or "https://json-schema.org/draft-07/schema" => Draft.V7,
        Draft201909Uri => Draft.V201909,
        "https://json-schema.org/draft/2020-12/schema" => Draft.V202012,
        _ => null,
    };
}
