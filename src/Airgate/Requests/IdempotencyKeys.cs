namespace Airgate.Requests;

/// <summary>The <c>Idempotency-Key</c> header: one value of 1 to 200 printable ASCII characters (bound by <see cref="RequestBinder"/>).</summary>
internal static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 200;
}
