using System.Text.RegularExpressions;

namespace Airgate.JsonSchema.Regexes;

/// <summary>A lookaround taken out of a pattern: a linear-time regex that must (or, negated, must not) match the input.</summary>
internal sealed record AnchoredCondition(Regex Regex, bool MustMatch);
