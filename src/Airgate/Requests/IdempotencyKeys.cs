namespace Airgate.Requests;

/// <summary>Checks an <c>Idempotency-Key</c> header: one value of 1 to 200 printable ASCII characters.</summary>
internal static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>The key (null when absent) or the error naming what is wrong.</summary>
    public static (string? Key, ParameterError? Error) Read(IHeaderDictionary headers)
    {
        var values = headers[HeaderName];
        if (values.Count == 0)
        {
            return (null, null);
        }

        if (values.Count > 1 || values[0] is not { } key)
        {
            return (null, new ParameterError(HeaderName, "must be given once"));
        }

        if (key.Length is 0 or > MaxLength || key.Any(c => c is < ' ' or > '~'))
        {
            return (null, new ParameterError(HeaderName, $"must be 1 to {MaxLength} printable ASCII characters"));
        }

        return (key, null);
    }
}
