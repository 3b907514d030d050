using System.Text.Json;

namespace Airgate.JsonSchema.Formats;

/// <summary>The formats this validator can assert; each checker accepts non-strings, as the specification says.</summary>
internal static class FormatCheckers
{
    public static Func<JsonElement, bool>? TryGet(string format)
    {
        Func<string, bool>? check = format switch
        {
            "date-time" => DateTimeFormats.IsDateTime,
            "date" => DateTimeFormats.IsDate,
            "time" => DateTimeFormats.IsTime,
            "duration" => DateTimeFormats.IsDuration,
            "email" => s => EmailFormat.IsEmail(s, international: false),
            "idn-email" => s => EmailFormat.IsEmail(s, international: true),
            "hostname" => HostnameFormat.IsHostname,
            "idn-hostname" => HostnameFormat.IsIdnHostname,
            "ipv4" => IpFormats.IsIPv4,
            "ipv6" => IpFormats.IsIPv6,
            "uri" => s => UriFormats.IsUri(s, international: false, reference: false),
            "uri-reference" => s => UriFormats.IsUri(s, international: false, reference: true),
            "iri" => s => UriFormats.IsUri(s, international: true, reference: false),
            "iri-reference" => s => UriFormats.IsUri(s, international: true, reference: true),
            "uri-template" => UriFormats.IsUriTemplate,
            "uuid" => IsUuid,
            "regex" => RegexFormat.IsRegex,
            "json-pointer" => PointerFormats.IsJsonPointer,
            "relative-json-pointer" => PointerFormats.IsRelativeJsonPointer,
            _ => null,
        };
        return check is null ? null : instance => instance.ValueKind != JsonValueKind.String || check(instance.GetString() ?? string.Empty);
    }

    private static bool IsUuid(string value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? value[i] != '-' : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
