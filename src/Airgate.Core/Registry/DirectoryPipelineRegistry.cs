using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry;

/// <summary>
/// Loads the registry directory at start and again whenever its files change, after a quiet period. A reload builds a
/// whole new snapshot and swaps it in with one reference write, so readers never see a half-loaded registry.
/// </summary>
internal sealed class DirectoryPipelineRegistry : IPipelineRegistry, IDisposable
{
    private readonly string _directory;
    private readonly TimeSpan _delay;
    private readonly ILogger _logger;
    private readonly Lock _reloadGate = new();
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private RegistrySnapshot _current;

    public DirectoryPipelineRegistry(IOptions<RegistryOptions> options, TimeProvider time, ILogger<DirectoryPipelineRegistry> logger)
    {
        _directory = Path.GetFullPath(options.Value.Path);
        _delay = options.Value.ReloadDelay;
        _logger = logger;
        _current = LoadAndLog() ?? RegistrySnapshot.Empty;
        _timer = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(_directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.Error += OnError;
        _watcher.EnableRaisingEvents = true;
    }

    public RegistrySnapshot Current => Volatile.Read(ref _current);

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        RegistryLog.ChangeSeen(_logger, e.ChangeType, e.FullPath);
        _timer.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        RegistryLog.WatcherError(_logger, e.GetException());
        _timer.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private void Reload()
    {
        // The timer may fire again while a slow load runs; one load at a time keeps the newest files winning.
        lock (_reloadGate)
        {
            if (LoadAndLog() is { } snapshot)
            {
                Volatile.Write(ref _current, snapshot);
            }
        }
    }

    private RegistrySnapshot? LoadAndLog()
    {
        try
        {
            var snapshot = RegistryLoader.Load(_directory);
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
