using System.Text;
using System.Text.RegularExpressions;

namespace Airgate.AirflowEmulator.Http;

/// <summary>
/// Airflow's <c>*_pattern</c> filters: <c>column ILIKE '%' || value || '%'</c>, where <c>%</c> is any run of
/// characters, <c>_</c> any one character and a backslash makes the next character literal.
/// </summary>
internal static class LikePattern
{
    public static Func<string?, bool> Compile(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return _ => true;
        }

        var regex = new StringBuilder("^.*");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '%')
            {
                regex.Append(".*");
            }
            else if (c == '_')
            {
                regex.Append('.');
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append(".*$");
        var compiled = new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return value => value is not null && compiled.IsMatch(value);
    }
}
