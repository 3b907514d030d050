using System.Text.RegularExpressions;

namespace Airgate.Core.Profiles;

/// <summary>The profile id rule and the reference forms accepted wherever an id is.</summary>
public static partial class ProfileIds
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$";

    public static bool IsValid(string id) => IdRegex().IsMatch(id);

    /// <summary>Splits <c>name@version</c> at its last <c>@</c> (names may hold spaces, versions may not hold <c>@</c>).</summary>
    public static bool TrySplitNameAtVersion(string reference, out string name, out string version)
    {
        var at = reference.LastIndexOf('@');
        if (at <= 0 || at == reference.Length - 1)
        {
            name = version = string.Empty;
            return false;
        }

        name = reference[..at];
        version = reference[(at + 1)..];
        return true;
    }

    // \z rather than $: .NET's $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
