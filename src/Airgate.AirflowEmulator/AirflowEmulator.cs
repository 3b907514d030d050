using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Auth;
using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Hosting;
using Airgate.AirflowEmulator.Http;
using Airgate.AirflowEmulator.Progression;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;

namespace Airgate.AirflowEmulator;

/// <summary>
/// An emulated Airflow 3 speaking the <c>/api/v2</c> subset Airgate uses (or, with <see cref="EmulatorOptions.Api"/>
/// <see cref="EmulatedApi.V1"/>, Airflow 2's <c>/api/v1</c> over the same state), with runs that advance on a
/// <see cref="TimeProvider"/>, over real HTTP (<see cref="StartAsync"/>) or in memory (<see cref="CreateHandler"/>);
/// both share one state.
/// </summary>
public sealed class AirflowEmulator : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Emulation _emulation;
    private readonly TokenIssuer _tokens;
    private readonly RequestRecorder _recorder;
    private readonly RunProgression _progression;
    private WebApplication? _kestrel;
    private WebApplication? _inMemory;

    /// <summary>Loads the fixtures and generated DAGs; throws <see cref="InvalidDataException"/> on a bad fixture and <see cref="ArgumentException"/> on bad options (every problem listed).</summary>
    public AirflowEmulator(EmulatorOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var time = timeProvider ?? TimeProvider.System;
        Faults = new EmulatorFaults(time);
        Logs = new EmulatorLogs();
        _progression = new RunProgression(options, Faults);
        _emulation = new Emulation(options, time, new DagCatalog(DagFixtureLoader.Load(options)), new RunStore(), _progression, Logs);
        _tokens = new TokenIssuer(options, time, Faults);
        _recorder = new RequestRecorder(time);
    }

    /// <summary>Fault injection.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>The shape of served task logs (large logs, streamed logs held part-way).</summary>
    public EmulatorLogs Logs { get; }

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.All;

    /// <summary>The ids of the DAGs served, in the order <c>GET /api/v2/dags</c> lists them by default.</summary>
    public IReadOnlyList<string> DagIds => [.. _emulation.Dags.All.Select(d => d.DagId).Order(StringComparer.Ordinal)];

    /// <summary>Starts a Kestrel server on <paramref name="url"/> (port 0 picks a free port) and returns its base address.</summary>
    public async Task<Uri> StartAsync(string url = "http://127.0.0.1:0", CancellationToken ct = default)
    {
        WebApplication app;
        lock (_gate)
        {
            if (_kestrel is not null)
            {
                throw new InvalidOperationException("The emulator's HTTP server is already started.");
            }

            app = _kestrel = EmulatorApp.Build(this, _emulation, Faults, _tokens, _recorder, url);
        }

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>A handler that talks to the emulator in memory; give its client any base address (e.g. <c>http://airflow.test/</c>).</summary>
    public HttpMessageHandler CreateHandler()
    {
        WebApplication app;
        lock (_gate)
        {
            if (_inMemory is null)
            {
                _inMemory = EmulatorApp.Build(this, _emulation, Faults, _tokens, _recorder, url: null);
                _inMemory.StartAsync().GetAwaiter().GetResult();
            }

            app = _inMemory;
        }

        return new InMemoryTransportHandler(app.GetTestServer().CreateHandler());
    }

    /// <summary>A valid access token for <paramref name="username"/> (the configured user by default), as <c>POST /auth/token</c> would give.</summary>
    public string IssueToken(string? username = null) => _tokens.Issue(username ?? _emulation.Options.Username);

    /// <summary>Pauses or unpauses a DAG; runs queued while it was paused start after the queue delay.</summary>
    public void SetPaused(string dagId, bool paused) => _emulation.SetPaused(dagId, paused);

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _recorder.Clear();

    /// <summary>Adds a run directly (no request is recorded) and returns its run id.</summary>
    public string AddRun(SeededRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var dag = _emulation.Dags.Find(run.DagId) ?? throw new ArgumentException($"Unknown DAG '{run.DagId}'.", nameof(run));
        if (run.State is not (null or "queued" or "running" or "success" or "failed"))
        {
            throw new ArgumentException($"A seeded run's state is queued, running, success, failed or null, not '{run.State}'.", nameof(run));
        }

        var runId = run.RunId ?? $"{run.RunType}__{Wire.PythonIso(run.LogicalDate ?? run.RunAfter)}";
        var added = _emulation.Runs.TryAdd(
            id =>
            {
                var record = new DagRunRecord
                {
                    Id = id,
                    DagId = dag.DagId,
                    RunId = runId,
                    RunAfter = run.RunAfter,
                    QueuedAt = run.RunAfter,
                    StartsAt = run.State is null ? _emulation.StartFor(dag.DagId, run.RunAfter, run.RunAfter) : null,
                    LogicalDate = run.LogicalDate,
                    DataIntervalStart = run.LogicalDate,
                    DataIntervalEnd = run.LogicalDate,
                    Conf = (JsonObject?)run.Conf?.DeepClone() ?? [],
                    Note = run.Note,
                    TriggeringUserName = run.TriggeringUserName,
                    RunType = run.RunType,
                    TriggeredBy = run.RunType == "manual" ? "rest_api" : "timetable",
                };
                return run.State is "running" or "success" or "failed" ? record with { Frozen = Freeze(dag, record, run.State) } : record;
            },
            out _);
        return added ? runId : throw new InvalidOperationException($"DAG '{run.DagId}' already has a run '{runId}' (or one with the same logical date).");
    }

    /// <summary>Adds many runs directly, e.g. thousands for paging tests.</summary>
    public void AddRuns(IEnumerable<SeededRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        foreach (var run in runs)
        {
            AddRun(run);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        WebApplication? kestrel, inMemory;
        lock (_gate)
        {
            (kestrel, inMemory, _kestrel, _inMemory) = (_kestrel, _inMemory, null, null);
        }

        foreach (var app in new[] { kestrel, inMemory })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    private static void Validate(EmulatorOptions options)
    {
        var problems = new List<string>();
        if (options.TaskDuration <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(EmulatorOptions.TaskDuration)} must be positive (got {options.TaskDuration}).");
        }

        if (options.QueueDelay < TimeSpan.Zero)
        {
            problems.Add($"{nameof(EmulatorOptions.QueueDelay)} must not be negative (got {options.QueueDelay}).");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(EmulatorOptions.TokenLifetime)} must be positive (got {options.TokenLifetime}).");
        }

        if (options.MaximumPageLimit < 1)
        {
            problems.Add($"{nameof(EmulatorOptions.MaximumPageLimit)} must be at least 1 (got {options.MaximumPageLimit}).");
        }

        if (!Enum.IsDefined(options.Api))
        {
            problems.Add($"{nameof(EmulatorOptions.Api)} must be V2 or V1 (got {options.Api}).");
        }

        if (string.IsNullOrEmpty(options.Username) || string.IsNullOrEmpty(options.Password))
        {
            problems.Add($"{nameof(EmulatorOptions.Username)} and {nameof(EmulatorOptions.Password)} must not be empty.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid emulator options: " + string.Join(" ", problems), nameof(options));
        }
    }

    private RunSnapshot Freeze(DagDefinition dag, DagRunRecord record, string state)
    {
        var options = _emulation.Options;
        var startsAt = record.RunAfter + options.QueueDelay;
        var live = record with { StartsAt = startsAt, Frozen = null };
        if (state == "success")
        {
            var end = startsAt + ((options.QueueDelay + options.TaskDuration) * (dag.Tasks.Count + 1));
            return _progression.Evaluate(dag, live, end);
        }

        var firstRunning = startsAt + options.QueueDelay + (options.TaskDuration / 2);
        var running = _progression.Evaluate(dag, live, firstRunning);
        if (state == "running")
        {
            return running;
        }

        var failedAt = startsAt + options.QueueDelay + options.TaskDuration;
        var instances = running.TaskInstances.Select(ti => ti.State switch
        {
            "running" => ti with { State = "failed", EndDate = failedAt, UpdatedAt = failedAt },
            _ => ti with { State = "upstream_failed", StartDate = failedAt, EndDate = failedAt, UpdatedAt = failedAt },
        }).ToList();
        return new RunSnapshot("failed", startsAt, failedAt, failedAt, instances);
    }
}
