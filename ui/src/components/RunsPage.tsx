import { useCallback, useEffect, useState } from "react";
import { capabilities } from "../api/capabilities";
import { airgate, describeProblem, type Run } from "../api/client";
import { followListing } from "../api/events";
import { formatTime } from "../util";
import { Link } from "./Link";
import { StateBadge } from "./StateBadge";

const STATES = ["queued", "running", "success", "failed"] as const;
type State = (typeof STATES)[number];
const PAGE = 25;
const POLL_MS = 5000;

/** "My runs" and all runs, filtered, kept live by the listing's event stream (or polling where there is none). */
export function RunsPage({ scope }: { scope: "mine" | "all" }) {
  const [dagId, setDagId] = useState("");
  const [states, setStates] = useState<State[]>([]);
  const [userText, setUserText] = useState("");
  const [userMatch, setUserMatch] = useState<"contains" | "pattern">("contains");
  // "contains" is a LIKE pattern with the text's own %, _ and \ escaped; "pattern" passes the user's pattern through.
  const userPattern = userText.trim() === "" ? "" : userMatch === "pattern" ? userText.trim() : `%${userText.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [offset, setOffset] = useState(0);
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [total, setTotal] = useState(0);
  const [syncedAt, setSyncedAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [live, setLive] = useState<"connecting" | "live" | "polling">("connecting");

  const mine = scope === "mine";
  const target = dagId.trim() === "" ? "~" : dagId.trim();

  const load = useCallback(async () => {
    const { data, error, response } = await airgate.GET("/api/v1/workflows/{dag_id}/runs", {
      params: {
        path: { dag_id: target },
        query: { mine, limit: PAGE, offset, order_by: "-run_after", ...(states.length > 0 ? { state: states } : {}), ...(!mine && userPattern !== "" ? { user_name_pattern: userPattern } : {}) },
      },
    });
    if (data === undefined) {
      setProblem(describeProblem(error, response.status));
      return;
    }
    setProblem(null);
    setRuns(data.runs);
    setTotal(data.total_entries);
    setSyncedAt(data.synced_at ?? null);
  }, [target, mine, offset, states, userPattern]);

  useEffect(() => {
    void load();
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = () => {
      setLive("polling");
      timer = window.setInterval(() => void load(), POLL_MS);
    };
    void capabilities().then(async (found) => {
      if (controller.signal.aborted) return;
      if (!found.has("listEvents")) {
        poll();
        return;
      }
      setLive("live");
      const outcome = await followListing(
        { dagId: target, mine, states, userNamePattern: mine ? "" : userPattern },
        (run) =>
          setRuns((current) => {
            if (current === null) return current;
            const index = current.findIndex((r) => r.dag_id === run.dag_id && r.dag_run_id === run.dag_run_id);
            if (index >= 0) return current.map((r, i) => (i === index ? run : r));
            if (offset !== 0) return current; // a new run belongs on the first page
            setTotal((t) => t + 1);
            return [run, ...current].slice(0, PAGE);
          }),
        controller.signal,
      );
      // The stream closed or failed: keep the page fresh by polling.
      if (!controller.signal.aborted && outcome.kind !== "ended") setProblem(null);
      if (!controller.signal.aborted) poll();
    });
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [load, target, mine, states, userPattern, offset]);

  const toggle = (state: State) => {
    setOffset(0);
    setStates((s) => (s.includes(state) ? s.filter((x) => x !== state) : [...s, state]));
  };

  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{mine ? "My runs" : "All runs"}</h2>
      <p className="tabs">
        <Link to={{ page: "runs", scope: "mine" }} className={mine ? "current" : ""}>My runs</Link>
        <Link to={{ page: "runs", scope: "all" }} className={mine ? "" : "current"}>All runs</Link>
      </p>
      <form className="filters" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-dag">Workflow id (empty: every workflow)</label>
          <input id="filter-dag" type="text" value={dagId} onChange={(e) => { setOffset(0); setDagId(e.target.value); }} />
        </div>
        {!mine ? (
          <>
          <div className="field">
            <label htmlFor="filter-user">User (started by)</label>
            <input id="filter-user" type="search" value={userText} aria-describedby="filter-user-hint" onChange={(e) => { setOffset(0); setUserText(e.target.value); }} />
            <span id="filter-user-hint" className="hint">
              {userMatch === "contains" ? "Names containing this text, any case." : "A pattern: % any run of characters, _ one character (as in SQL LIKE)."}
            </span>
          </div>
          <div className="field">
            <label htmlFor="filter-user-match">Match</label>
            <select id="filter-user-match" value={userMatch} onChange={(e) => { setOffset(0); setUserMatch(e.target.value as "contains" | "pattern"); }}>
              <option value="contains">contains</option>
              <option value="pattern">pattern (% and _)</option>
            </select>
          </div>
          </>
        ) : null}
        <fieldset>
          <legend>States (none checked: all)</legend>
          {STATES.map((s) => (
            <label key={s} className="inline">
              <input type="checkbox" checked={states.includes(s)} onChange={() => toggle(s)} /> {s}
            </label>
          ))}
        </fieldset>
      </form>
      <p className="hint" aria-live="polite">
        {live === "live" ? "Live: runs update as they change." : live === "polling" ? "Live updates unavailable, refreshing every 5 s." : ""}
        {syncedAt ? ` States as of ${formatTime(syncedAt)}.` : ""}
      </p>
      {problem !== null ? <p className="problem" role="alert">{problem}</p> : null}
      {runs === null && problem === null ? <p>Loading…</p> : null}
      {runs !== null ? (
        <div className="table-wrap" role="region" aria-label="Runs table" tabIndex={0}>
          <table className="runs">
            <caption>{total} runs{total > PAGE ? `, ${offset + 1}–${Math.min(offset + PAGE, total)} shown` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Workflow</th>
                <th scope="col">State</th>
                <th scope="col">Triggered by</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={`${r.dag_id}/${r.dag_run_id}`}>
                  <td><Link to={{ page: "run", dagId: r.dag_id, runId: r.dag_run_id, rerun: false }}>{r.dag_run_id}</Link></td>
                  <td>{r.dag_id}</td>
                  <td><StateBadge state={r.state} /></td>
                  <td>{r.triggered_by?.name ?? r.triggered_by?.id ?? ""}</td>
                  <td>{formatTime(r.start_date ?? r.queued_at ?? r.run_after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="actions">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous page</button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next page</button>
      </p>
    </section>
  );
}
