using System.Collections.Concurrent;
using Airgate.Airflow;
using Microsoft.Extensions.Options;

namespace Airgate.Workflows;

/// <summary>
/// Airflow's catalog answers (DAG pages, DAG details, tasks), kept and refreshed in the background by
/// <see cref="CatalogRefresher"/>, so a catalog read costs no Airflow call once its answer is cached. The first read of
/// a key asks Airflow (one call however many requests wait for it); failures are never cached, and a failed refresh
/// keeps the previous answer. Each answer is a new object only when it was read again, which lets the catalog and the
/// ETag filter reuse what they built from it.
/// </summary>
internal sealed partial class CatalogCache(IAirflowClient airflow, TimeProvider time, IOptions<CatalogOptions> options, ILogger<CatalogCache> logger)
{
    private readonly ConcurrentDictionary<string, CatalogEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _loading = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public async Task<AirflowResult<T>> GetAsync<T>(
        string key, Func<IAirflowClient, CancellationToken, Task<AirflowResult<T>>> fetch, CancellationToken cancellationToken)
        where T : notnull
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Touch(time.GetUtcNow());
            return (T)entry.Value;
        }

        // One Airflow call per key however many requests miss at once; the caller's cancellation only stops its wait.
        var loading = _loading.GetOrAdd(key, k => new Lazy<Task<object>>(() => LoadAsync(k, fetch)));
        object outcome;
        try
        {
            outcome = await loading.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (loading.Value.IsCompleted)
            {
                _loading.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, loading));
            }
        }

        return outcome is AirflowFailure failure ? failure : (T)outcome;
    }

    /// <summary>The cached answer for a key, without ever calling Airflow.</summary>
    public bool TryGet<T>(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Value is T typed)
        {
            entry.Touch(time.GetUtcNow());
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads every recently used answer again; drops idle ones and answers Airflow no longer has.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries.ToArray())
        {
            if (now - entry.LastUsed > options.Value.IdleLifetime)
            {
                _entries.TryRemove(new KeyValuePair<string, CatalogEntry>(key, entry));
                continue;
            }

            var result = await entry.Refetch(airflow, cancellationToken);
            if (result is AirflowFailure { Error: AirflowError.NotFound })
            {
                _entries.TryRemove(new KeyValuePair<string, CatalogEntry>(key, entry));
            }
            else if (result is AirflowFailure failure)
            {
                // Serve the previous answer rather than fail reads while Airflow is down; the next pass tries again.
                LogRefreshFailed(logger, key, failure.Error);
            }
            else
            {
                _entries[key] = entry.With(result, time.GetUtcNow());
            }
        }
    }

    private async Task<object> LoadAsync<T>(string key, Func<IAirflowClient, CancellationToken, Task<AirflowResult<T>>> fetch)
        where T : notnull
    {
        var result = await fetch(airflow, CancellationToken.None);
        if (!result.IsSuccess)
        {
            return result.Failure;
        }

        if (_entries.Count >= options.Value.MaxEntries)
        {
            EvictLeastRecentlyUsed();
        }

        var now = time.GetUtcNow();
        _entries[key] = new CatalogEntry(result.Value, now, now, async (client, ct) =>
        {
            var again = await fetch(client, ct);
            return again.IsSuccess ? again.Value : again.Failure;
        });
        return result.Value;
    }

    private void EvictLeastRecentlyUsed()
    {
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(1, _entries.Count / 10)).ToArray())
        {
            _entries.TryRemove(new KeyValuePair<string, CatalogEntry>(key, entry));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog refresh of {Key} failed ({Error}); the previous answer is kept")]
    private static partial void LogRefreshFailed(ILogger logger, string key, AirflowError error);
}
