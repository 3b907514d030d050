using Airgate.Core.Runs;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// <see cref="RunsOptions.RetainFor"/>: deletes mirrored runs Airgate did not trigger once they ended longer ago than
/// that, at most once an hour, in batches (so the leader never holds a long write). Airgate's own records stay:
/// they are the record of who triggered what.
/// </summary>
internal sealed partial class RunRetention(IRunStore store, TimeProvider time, IOptions<RunsOptions> options, ILogger<RunRetention> logger)
{
    private const int Batch = 5000;
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private DateTimeOffset? _lastRun;

    public async Task<int> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (options.Value.RetainFor is not { } retainFor || (_lastRun is { } last && now - last < Every))
        {
            return 0;
        }

        _lastRun = now;
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.DeleteExternalEndedBeforeAsync(now - retainFor, Batch, cancellationToken);
            total += deleted;
        }
        while (deleted == Batch);

        if (total > 0)
        {
            LogDeleted(logger, total);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} mirrored runs Airgate did not trigger")]
    private static partial void LogDeleted(ILogger logger, int count);
}
