namespace Airgate.AirflowEmulator.DagRuns;

/// <summary>
/// The runs, in creation order, behind one lock: ids stay unique per DAG and readers get a consistent copy. Like
/// Airflow's index on <c>updated_at</c>, frozen runs (whose <c>updated_at</c> is fixed) are also kept sorted by it, so
/// a sync's <c>updated_at_gte</c> reads only what changed instead of every run; live runs, whose <c>updated_at</c>
/// moves with the clock, are always candidates.
/// </summary>
internal sealed class RunStore
{
    private readonly object _gate = new();
    private readonly List<DagRunRecord> _runs = [];
    private readonly Dictionary<(string DagId, string RunId), int> _index = [];
    private readonly SortedSet<(DateTimeOffset UpdatedAt, int Position)> _frozenByUpdate = [];
    private readonly SortedSet<int> _live = [];
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
            Track(_runs.Count - 1);
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

    /// <summary>
    /// In id order, every run whose <c>updated_at</c> may be at or after <paramref name="from"/>: a superset (live runs
    /// are all included) that the caller filters exactly, read without touching the other runs.
    /// </summary>
    public IReadOnlyList<DagRunRecord> UpdatedSince(DateTimeOffset from)
    {
        lock (_gate)
        {
            var positions = _frozenByUpdate.GetViewBetween((from, int.MinValue), (DateTimeOffset.MaxValue, int.MaxValue))
                .Select(e => e.Position)
                .Concat(_live)
                .ToList();
            positions.Sort();
            return [.. positions.Select(i => _runs[i])];
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

            Untrack(i);
            _runs[i] = change(_runs[i]);
            Track(i);
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
                    Untrack(i);
                    _runs[i] = change(_runs[i]);
                    Track(i);
                }
            }
        }
    }

    private void Track(int position)
    {
        if (_runs[position].Frozen is { } frozen)
        {
            _frozenByUpdate.Add((frozen.UpdatedAt, position));
        }
        else
        {
            _live.Add(position);
        }
    }

    private void Untrack(int position)
    {
        if (_runs[position].Frozen is { } frozen)
        {
            _frozenByUpdate.Remove((frozen.UpdatedAt, position));
        }
        else
        {
            _live.Remove(position);
        }
    }
}
