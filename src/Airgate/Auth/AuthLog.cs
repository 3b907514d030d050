namespace Airgate.Auth;

// Credentials (keys, tokens, signatures) are never arguments here: only our own reasons and key ids.
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Authentication ({Mode}) refused: {Reason}")]
    public static partial void Refused(ILogger logger, AuthMode mode, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Authentication ({Mode}) failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, AuthMode mode, Exception exception);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Loaded {KeyCount} signing keys from {Source}")]
    public static partial void JwksLoaded(ILogger logger, int keyCount, string source);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Could not load signing keys from {Source}")]
    public static partial void JwksLoadFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Skipped signing key {Kid} from {Source}: {Reason}")]
    private static partial void JwkSkippedCore(ILogger logger, string? kid, string source, string reason);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Token names key id {Kid}, unknown: reloading signing keys from {Source}")]
    private static partial void UnknownKidCore(ILogger logger, string kid, string source);

    public static void JwkSkipped(ILogger logger, string? kid, string source, string reason)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var escaped = kid is null ? null : LogText.Escape(kid);
            JwkSkippedCore(logger, escaped, source, reason);
        }
    }

    // The kid comes from an unauthenticated token: escaped, so it cannot forge a log line.
    public static void UnknownKid(ILogger logger, string kid, string source)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var escaped = LogText.Escape(kid);
            UnknownKidCore(logger, escaped, source);
        }
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Authentication is in Development mode: requests are not authenticated and anyone may act as any user")]
    public static partial void DevelopmentModeActive(ILogger logger);
}
