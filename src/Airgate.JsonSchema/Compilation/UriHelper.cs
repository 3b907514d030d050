namespace Airgate.JsonSchema.Compilation;

/// <summary>URI resolution that also copes with URNs and tags, which <see cref="Uri"/> cannot resolve against.</summary>
internal static class UriHelper
{
    /// <summary>The base of a schema that has neither <c>$id</c> nor <see cref="SchemaOptions.BaseUri"/>; the reserved .invalid domain is never fetched.</summary>
    public static readonly Uri DefaultBase = new("https://airgate.invalid/schema");

    public static Uri Resolve(Uri baseUri, string reference)
    {
        if (reference.StartsWith('#'))
        {
            return new Uri(WithoutFragment(baseUri) + reference);
        }

        if (Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            return absolute;
        }

        if (baseUri.IsAbsoluteUri && baseUri.Scheme is "urn" or "tag")
        {
            // Relative references against a URN have no hierarchical meaning; treat them as opaque.
            if (Uri.TryCreate(reference, UriKind.Absolute, out var opaque))
            {
                return opaque;
            }

            throw new UriFormatException($"'{reference}' cannot be resolved against '{baseUri}'.");
        }

        return new Uri(baseUri, reference);
    }

    /// <summary>The URI without its fragment, as a lookup key.</summary>
    public static string WithoutFragment(Uri uri)
    {
        var text = uri.OriginalString;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var head = hash < 0 ? text : text[..hash];
        if (uri.IsAbsoluteUri && uri.Scheme is "http" or "https" && Uri.TryCreate(head, UriKind.Absolute, out var normal))
        {
            return normal.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        }

        return head;
    }

    /// <summary>The fragment without '#', percent-decoded; empty when there is none.</summary>
    public static string Fragment(Uri uri)
    {
        var text = uri.OriginalString;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? string.Empty : Uri.UnescapeDataString(text[(hash + 1)..]);
    }

    public static string Key(Uri uri)
    {
        var fragment = Fragment(uri);
        return fragment.Length == 0 ? WithoutFragment(uri) : WithoutFragment(uri) + "#" + fragment;
    }
}
