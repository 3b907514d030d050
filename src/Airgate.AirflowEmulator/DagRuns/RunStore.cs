namespace Airgate.AirflowEmulator.DagRuns;

/// <summary>The runs, in creation order, behind one lock: ids stay unique per DAG and readers get a consistent copy.</summary>
internal sealed class RunStore
{
    private readonly object _gate = new();
    private readonly List<DagRunRecord> _runs = [];
    private readonly Dictionary<(string DagId, string RunId), int> _index = [];
    private long _nextId = 1;

    /// <summary>Adds the run built from the next id, or returns false when its run id or logical date is already taken.</summary>
    public bool TryAdd(Func<long, DagRunRecord> build, out DagRunRecord run)
    {
        lock (_gate)
        {
            run = build(_nextId);
            var candidate = run;
            if (_index.ContainsKey((run.DagId, run.RunId))
                || (run.LogicalDate is { } logical && _runs.Exists(r => r.DagId == candidate.DagId && r.LogicalDate == logical)))
            {
                return false;
            }

            _nextId++;
            _index.Add((run.DagId, run.RunId), _runs.Count);
            _runs.Add(run);
            return true;
        }
    }

    public DagRunRecord? Find(string dagId, string runId)
    {
        lock (_gate)
        {
            return _index.TryGetValue((dagId, runId), out var i) ? _runs[i] : null;
        }
    }

    public IReadOnlyList<DagRunRecord> All()
    {
        lock (_gate)
        {
            return [.. _runs];
        }
    }

    /// <summary>Replaces a run with <paramref name="change"/> applied to its current value, atomically.</summary>
    public DagRunRecord? Update(string dagId, string runId, Func<DagRunRecord, DagRunRecord> change)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue((dagId, runId), out var i))
            {
                return null;
            }

            _runs[i] = change(_runs[i]);
            return _runs[i];
        }
    }

    public void UpdateWhere(Func<DagRunRecord, bool> predicate, Func<DagRunRecord, DagRunRecord> change)
    {
        lock (_gate)
        {
            for (var i = 0; i < _runs.Count; i++)
            {
                if (predicate(_runs[i]))
                {
                    _runs[i] = change(_runs[i]);
                }
            }
        }
    }
}
