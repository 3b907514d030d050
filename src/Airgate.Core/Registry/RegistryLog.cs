using Microsoft.Extensions.Logging;

namespace Airgate.Core.Registry;

internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registry loaded from {Directory}: {ProfileCount} profiles, {ManifestCount} manifests, {ProblemCount} problems")]
    public static partial void Loaded(ILogger logger, string directory, int profileCount, int manifestCount, int problemCount);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Registry problem in {File} at '{Pointer}': {Problem}")]
    public static partial void Problem(ILogger logger, string file, string pointer, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Registry change seen: {ChangeType} {Path}; reloading after the quiet period")]
    public static partial void ChangeSeen(ILogger logger, WatcherChangeTypes changeType, string path);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Registry reload from {Directory} failed; the previous snapshot stays in use")]
    public static partial void ReloadFailed(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The registry file watcher reported an error; reloading everything to be safe")]
    public static partial void WatcherError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "File-system events are unavailable for {Directory}; looking for registry changes every {Interval} instead")]
    public static partial void PollingFallback(ILogger logger, string directory, TimeSpan interval, Exception exception);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Looking for registry changes in {Directory} every {Interval}")]
    public static partial void Polling(ILogger logger, string directory, TimeSpan interval);
}
