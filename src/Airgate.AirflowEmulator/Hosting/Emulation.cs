using Airgate.AirflowEmulator.DagRuns;
using Airgate.AirflowEmulator.Dags;
using Airgate.AirflowEmulator.Progression;

namespace Airgate.AirflowEmulator.Hosting;

/// <summary>The emulator's state in one place, shared by the in-memory and the Kestrel host.</summary>
internal sealed class Emulation(EmulatorOptions options, TimeProvider time, DagCatalog dags, RunStore runs, RunProgression progression, EmulatorLogs logs)
{
    public EmulatorLogs Logs => logs;

    public EmulatorOptions Options => options;

    public TimeProvider Time => time;

    public DagCatalog Dags => dags;

    public RunStore Runs => runs;

    public DateTimeOffset Now => time.GetUtcNow();

    public RunSnapshot Snapshot(DagRunRecord run, DateTimeOffset now) =>
        progression.Evaluate(dags.Find(run.DagId) ?? throw new InvalidOperationException($"Run of unknown DAG {run.DagId}."), run, now);

    /// <summary>Pauses or unpauses a DAG; runs that waited for the unpause leave the queue after the usual delay.</summary>
    public void SetPaused(string dagId, bool paused)
    {
        if (dags.Find(dagId) is null)
        {
            throw new ArgumentException($"Unknown DAG '{dagId}'.", nameof(dagId));
        }

        dags.SetPaused(dagId, paused);
        if (!paused)
        {
            var startsAt = Now + options.QueueDelay;
            runs.UpdateWhere(r => r.DagId == dagId && r.StartsAt is null && r.Frozen is null, r => r with { StartsAt = Max(startsAt, r.RunAfter) });
        }
    }

    public DateTimeOffset? StartFor(string dagId, DateTimeOffset runAfter, DateTimeOffset now) =>
        dags.IsPaused(dagId) ? null : Max(now, runAfter) + options.QueueDelay;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
