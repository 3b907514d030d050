import { useEffect, useMemo, useState } from "react";
import { airgate, describeProblem, type Workflow } from "../api/client";
import { Link } from "./Link";

const sources: Record<string, string> = {
  pipelines: "pipeline profiles",
  dag_params: "Airflow Params",
  none: "no parameters",
};

/** Every workflow (all pages of GET /workflows), searchable by id, name, description, tag and pipeline. */
export function WorkflowList() {
  const [workflows, setWorkflows] = useState<Workflow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [search, setSearch] = useState("");

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: Workflow[] = [];
      for (let offset = 0; ; offset += 100) {
        const { data, error, response } = await airgate.GET("/api/v1/workflows", { params: { query: { limit: 100, offset } } });
        if (data === undefined) {
          if (!cancelled) setProblem(describeProblem(error, response.status));
          return;
        }
        all.push(...data.workflows);
        if (data.workflows.length === 0 || all.length >= data.total_entries) break;
      }
      if (!cancelled) setWorkflows(all);
    })().catch((e: unknown) => !cancelled && setProblem(String(e)));
    return () => {
      cancelled = true;
    };
  }, []);

  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return (workflows ?? []).filter((w) => {
      const text = [w.dag_id, w.dag_display_name, w.description, ...(w.tags ?? []), ...(w.pipelines ?? []).flatMap((p) => [p.id, p.name])].join(" ").toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }, [workflows, search]);

  return (
    <section aria-labelledby="workflows-title">
      <h2 id="workflows-title">Workflows</h2>
      <div className="field">
        <label htmlFor="workflow-search">Search workflows</label>
        <input id="workflow-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="name, tag or pipeline" />
      </div>
      {problem !== null ? <p className="problem" role="alert">{problem}</p> : null}
      {workflows === null && problem === null ? <p>Loading…</p> : null}
      <p aria-live="polite" className="hint">{workflows !== null ? `${shown.length} of ${workflows.length} workflows` : ""}</p>
      <ul className="cards">
        {shown.map((w) => (
          <li key={w.dag_id} className="card">
            <h3>
              <Link to={{ page: "launch", dagId: w.dag_id }}>{w.dag_display_name ?? w.dag_id}</Link>
              {w.is_paused ? <span className="badge">paused</span> : null}
            </h3>
            {w.dag_display_name && w.dag_display_name !== w.dag_id ? <p className="hint"><code>{w.dag_id}</code></p> : null}
            {w.description ? <p>{w.description}</p> : null}
            <p className="hint">Parameters: {sources[w.parameters_source] ?? w.parameters_source}</p>
            {(w.pipelines ?? []).length > 0 ? (
              <ol className="pipelines" aria-label="Pipelines in stage order">
                {(w.pipelines ?? []).map((p) => (
                  <li key={p.id}>{p.name} <span className="hint">{p.version}</span></li>
                ))}
              </ol>
            ) : null}
            {(w.tags ?? []).length > 0 ? <p className="tags">{(w.tags ?? []).map((t) => <span key={t} className="tag">{t}</span>)}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
