using Airgate.Airflow;

namespace Airgate.Workflows;

/// <summary>One cached Airflow answer, when it was read, when a request last used it, and how to read it again.</summary>
internal sealed class CatalogEntry(
    object value,
    DateTimeOffset fetchedAt,
    DateTimeOffset lastUsed,
    Func<IAirflowClient, CancellationToken, Task<object>> refetch)
{
    private long _lastUsedTicks = lastUsed.UtcTicks;

    public object Value { get; } = value;

    public DateTimeOffset FetchedAt { get; } = fetchedAt;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public Func<IAirflowClient, CancellationToken, Task<object>> Refetch { get; } = refetch;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    public CatalogEntry With(object newValue, DateTimeOffset now) => new(newValue, now, LastUsed, Refetch);
}
