using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Parameters;

/// <summary>
/// The command line of a Nextflow profile (SPEC 4.2): only what the user set or what differs from the schema's own
/// default goes on it, because Nextflow applies the defaults itself and a default on the command line would override
/// what the pipeline's <c>-profile</c> or <c>-c</c> configuration sets. Values are written so that Nextflow's own
/// parsing gives them back: Nextflow makes a number only of <c>-?\d+(\.\d+)?</c>, so <c>1e-6</c> is written
/// <c>0.000001</c>; and <c>--name</c> always takes the next word as its value, so <c>true</c> is written out.
/// </summary>
public static class NextflowCommandLine
{
    /// <summary>Exponents beyond this are left as JSON wrote them rather than expanded into that many zeros.</summary>
    private const int MaxExpandedExponent = 400;

    /// <summary>True for profiles of <c>type: nextflow</c>.</summary>
    public static bool IsNextflow(ResolvedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return string.Equals(profile.Profile.Type, "nextflow", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The parameters that go on the command line: those the user set, and filled ones that differ from the schema's default.</summary>
    public static JsonObject Select(ValidatedPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var defaults = DefaultFiller.Fill([], pipeline.Profile.ResolvedSchema);
        var selected = new JsonObject();
        foreach (var (name, value) in pipeline.Parameters)
        {
            var setByUser = pipeline.SetByUser?.Contains(name) ?? true;
            if (setByUser || !defaults.TryGetPropertyValue(name, out var fallback) || !JsonNode.DeepEquals(fallback, value))
            {
                selected[name] = value?.DeepClone();
            }
        }

        return selected;
    }

    /// <summary>The command-line string of a validated Nextflow pipeline.</summary>
    public static string Render(ValidatedPipeline pipeline) => PosixShell.Render(Select(pipeline), nextflow: true);

    /// <summary>A JSON number's text without an exponent (<c>1e-6</c> → <c>0.000001</c>, <c>1.5E3</c> → <c>1500</c>); integers stay exact.</summary>
    public static string PlainNumber(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var e = json.AsSpan().IndexOfAny('e', 'E');
        if (e < 0 || !int.TryParse(json.AsSpan(e + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var exponent)
            || Math.Abs(exponent) > MaxExpandedExponent)
        {
            return json;
        }

        var mantissa = json.AsSpan(0, e);
        var negative = mantissa.StartsWith("-");
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa.ToString() : string.Concat(mantissa[..dot], mantissa[(dot + 1)..]);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        if (point <= 0)
        {
            digits = new string('0', 1 - point) + digits;
            point = 1;
        }
        else if (point > digits.Length)
        {
            digits += new string('0', point - digits.Length);
        }

        var whole = digits[..point].TrimStart('0');
        var fraction = digits[point..].TrimEnd('0');
        var text = new StringBuilder();
        if (negative && (whole.Length > 0 || fraction.Length > 0))
        {
            text.Append('-');
        }

        text.Append(whole.Length == 0 ? "0" : whole);
        if (fraction.Length > 0)
        {
            text.Append('.').Append(fraction);
        }

        return text.ToString();
    }

    /// <summary>The text a JSON number is written as on a Nextflow command line.</summary>
    internal static string NumberWord(JsonNode number) => PlainNumber(number.ToJsonString());

    /// <summary>True when a value is a JSON number.</summary>
    internal static bool IsNumber(JsonNode? value) => value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.Number;
}
