using System.Collections.Concurrent;

namespace Airgate.AirflowEmulator.Dags;

/// <summary>The DAGs the emulator serves, in a stable order, with their (mutable) paused flag.</summary>
internal sealed class DagCatalog
{
    private readonly IReadOnlyList<DagDefinition> _dags;
    private readonly Dictionary<string, DagDefinition> _byId;
    private readonly ConcurrentDictionary<string, bool> _paused;

    public DagCatalog(IReadOnlyList<DagDefinition> dags)
    {
        _dags = dags;
        _byId = dags.ToDictionary(d => d.DagId, StringComparer.Ordinal);
        _paused = new ConcurrentDictionary<string, bool>(dags.ToDictionary(d => d.DagId, d => d.IsPaused), StringComparer.Ordinal);
    }

    public IReadOnlyList<DagDefinition> All => _dags;

    public DagDefinition? Find(string dagId) => _byId.GetValueOrDefault(dagId);

    public bool IsPaused(string dagId) => _paused.GetValueOrDefault(dagId);

    public void SetPaused(string dagId, bool paused) => _paused[dagId] = paused;
}
