namespace Airgate.Configuration;

/// <summary>
/// The range of every duration and number Airgate reads, by key (a test proves none is missing). The options validators
/// still check how keys relate to each other; these are the plain bounds, checked before anything is bound.
/// </summary>
internal static class ConfigurationRanges
{
    public static readonly IReadOnlyDictionary<string, ConfigurationRange> ByKey = new Dictionary<string, ConfigurationRange>(StringComparer.OrdinalIgnoreCase)
    {
        ["Airgate:Airflow:RequestTimeout"] = new("00:00:00.010", "00:10:00", "00:00:30"),
        ["Airgate:Airflow:ConnectTimeout"] = new("00:00:00.010", "00:05:00", "00:00:05"),
        ["Airgate:Airflow:TotalTimeout"] = new("00:00:00.010", "01:00:00", "00:02:00"),
        ["Airgate:Airflow:MaxRetries"] = new("0", "10", "2"),
        ["Airgate:Airflow:RetryDelay"] = new("00:00:00", "00:01:00", "00:00:00.200"),
        ["Airgate:Airflow:PooledConnectionLifetime"] = new("00:00:01", "1.00:00:00", "00:05:00"),
        ["Airgate:Auth:Jwt:ClockSkew"] = new("00:00:00", "00:05:00", "00:01:00"),
        ["Airgate:Runs:ReconcileInterval"] = new("00:00:00.010", "1.00:00:00", "00:01:00"),
        ["Airgate:Runs:PendingMinAge"] = new("00:00:00", "1.00:00:00", "00:00:30"),
        ["Airgate:Runs:PendingGracePeriod"] = new("00:00:00", "7.00:00:00", "00:10:00"),
        ["Airgate:Runs:SyncOverlap"] = new("00:00:00", "01:00:00", "00:00:05"),
        ["Airgate:Runs:SyncTimeout"] = new("00:00:00", "00:05:00", "00:00:02"),
        ["Airgate:Runs:MinSyncInterval"] = new("00:00:00", "00:01:00", "00:00:01"),
        ["Airgate:Runs:InteractiveReadBudget"] = new("00:00:00.010", "00:05:00", "00:00:10"),
        ["Airgate:Runs:SyncInterval"] = new("00:00:00.010", "01:00:00", "00:00:05"),
        ["Airgate:Runs:BackfillPageDelay"] = new("00:00:00", "00:01:00", "00:00:00.100"),
        ["Airgate:Runs:RetainFor"] = new("01:00:00", "3650.00:00:00", "90.00:00:00"),
        ["Airgate:Logs:FollowInterval"] = new("00:00:00.010", "00:01:00", "00:00:02"),
        ["Airgate:Logs:KeepAliveInterval"] = new("00:00:01", "00:10:00", "00:00:15"),
        ["Airgate:Events:PollInterval"] = new("00:00:00.100", "00:10:00", "00:00:02"),
        ["Airgate:Events:KeepAliveInterval"] = new("00:00:01", "00:10:00", "00:00:15"),
        ["Airgate:Events:MaxStreamsPerUser"] = new("1", "100000", "20"),
        ["Airgate:Events:MaxStreams"] = new("1", "1000000", "1000"),
        ["Airgate:Catalog:RefreshInterval"] = new("00:00:00.010", "1.00:00:00", "00:00:30"),
        ["Airgate:Catalog:IdleLifetime"] = new("00:00:00.010", "7.00:00:00", "00:10:00"),
        ["Airgate:Catalog:MaxEntries"] = new("1", "1000000", "10000"),
        ["Airgate:Database:BusyTimeout"] = new("00:00:01", "00:05:00", "00:00:05"),
        ["Airgate:Registry:ReloadDelay"] = new("00:00:00", "00:01:00", "00:00:00.300"),
        ["Airgate:Registry:PollInterval"] = new("00:00:00", "01:00:00", "00:00:05"),
        ["Airgate:Registry:DynamoDb:RefreshInterval"] = new("00:00:01", "1.00:00:00", "00:00:30"),
    };

    public static bool NeedsRange(Type type) =>
        type == typeof(TimeSpan) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal);
}
