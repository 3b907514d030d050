using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry;

/// <summary>
/// Loads the registry directory at start and again whenever its files change, after a quiet period. A reload builds a
/// whole new snapshot and swaps it in with one reference write, so readers never see a half-loaded registry. Changes
/// are seen through file-system events, or by polling a cheap stamp of the files (names, sizes, write times) when
/// configured to or when events cannot start.
/// </summary>
internal sealed class DirectoryPipelineRegistry : IPipelineRegistry, IDisposable
{
    private static readonly TimeSpan FallbackPollInterval = TimeSpan.FromSeconds(5);

    private readonly string _directory;
    private readonly TimeSpan _delay;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private readonly ITimer _debounce;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _poll;
    private string _stamp = string.Empty;
    private RegistrySnapshot _current;

    public DirectoryPipelineRegistry(IOptions<RegistryOptions> options, TimeProvider time, ILogger<DirectoryPipelineRegistry> logger)
    {
        _directory = Path.GetFullPath(options.Value.Path);
        _delay = options.Value.ReloadDelay;
        _logger = logger;
        _stamp = Stamp();
        _current = LoadAndLog(previous: null) ?? RegistrySnapshot.Empty;
        _debounce = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        var interval = options.Value.PollInterval;
        if (interval <= TimeSpan.Zero)
        {
            try
            {
                _watcher = StartWatcher();
                return;
            }
            catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                interval = FallbackPollInterval;
                RegistryLog.PollingFallback(_logger, _directory, interval, exception);
            }
        }
        else
        {
            RegistryLog.Polling(_logger, _directory, interval);
        }

        _poll = time.CreateTimer(_ => PollForChanges(), null, interval, interval);
    }

    public RegistrySnapshot Current => Volatile.Read(ref _current);

    public void Dispose()
    {
        _watcher?.Dispose();
        _poll?.Dispose();
        _debounce.Dispose();
    }

    private FileSystemWatcher StartWatcher()
    {
        var watcher = new FileSystemWatcher(_directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.Error += OnError;
        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        RegistryLog.ChangeSeen(_logger, e.ChangeType, e.FullPath);
        _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        RegistryLog.WatcherError(_logger, e.GetException());
        _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private void PollForChanges()
    {
        if (Stamp() != Volatile.Read(ref _stamp))
        {
            _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Reload()
    {
        // The timer may fire again while a slow load runs; one load at a time keeps the newest files winning.
        lock (_reloadGate)
        {
            Volatile.Write(ref _stamp, Stamp());
            if (LoadAndLog(Current) is { } snapshot)
            {
                Volatile.Write(ref _current, snapshot);
            }
        }
    }

    private string Stamp()
    {
        try
        {
            var files = new DirectoryInfo(_directory).EnumerateFiles("*.json", SearchOption.AllDirectories)
                .Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}")
                .Order(StringComparer.Ordinal);
            return string.Join('\n', files);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private RegistrySnapshot? LoadAndLog(RegistrySnapshot? previous)
    {
        try
        {
            var snapshot = RegistryLoader.Load(_directory, previous);
            RegistryLog.Loaded(_logger, _directory, snapshot.Profiles.Count, snapshot.Manifests.Count, snapshot.Problems.Count);
            foreach (var problem in snapshot.Problems)
            {
                RegistryLog.Problem(_logger, problem.File, problem.Pointer, problem.Message);
            }

            return snapshot;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            RegistryLog.ReloadFailed(_logger, _directory, exception);
            return null;
        }
    }
}
