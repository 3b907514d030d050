import { useEffect, useRef, useState } from "react";
import { capabilities } from "../api/capabilities";
import type { CurrentUser, Run } from "../api/client";
import { followListing } from "../api/events";
import { Link } from "./Link";

const ENDED = new Set(["success", "failed"]);

interface Notice {
  dagId: string;
  runId: string;
  state: string;
}

/**
 * Says when one of the user's runs ends, whichever page or tab they are on: fed by the "my runs" listing stream (no
 * polling). An in-page notice always; also the browser's notification once the user allows it (one per run across
 * tabs: the notification's tag is the run).
 */
export function RunEndNotices({ user }: { user: CurrentUser | null }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [permission, setPermission] = useState<NotificationPermission | "unsupported">(typeof Notification === "function" ? Notification.permission : "unsupported");
  const lastState = useRef(new Map<string, string>());

  useEffect(() => {
    if (user === null) return;
    const controller = new AbortController();
    void capabilities().then((found) => {
      if (controller.signal.aborted || !found.has("listEvents")) return;
      void followListing(
        { dagId: "~", mine: true, states: [], userNamePattern: "" },
        (run: Run) => {
          const key = `${run.dag_id}/${run.dag_run_id}`;
          const before = lastState.current.get(key);
          const state = run.state ?? "";
          lastState.current.set(key, state);
          // A run seen ending (not one that had already ended when the stream started).
          if (!ENDED.has(state) || before === state || (before === undefined && run.end_date && Date.parse(run.end_date) < loadedAt)) return;
          setNotices((list) => [{ dagId: run.dag_id, runId: run.dag_run_id, state }, ...list.filter((n) => `${n.dagId}/${n.runId}` !== key)].slice(0, 5));
          if (typeof Notification === "function" && Notification.permission === "granted") {
            new Notification(`Run ${state === "success" ? "succeeded" : "failed"}: ${run.dag_id}`, { body: run.dag_run_id, tag: key });
          }
        },
        controller.signal,
      );
    });
    return () => controller.abort();
  }, [user]);

  return (
    <aside className="notices" aria-label="Run notices">
      <div aria-live="polite">
        {notices.map((n) => (
          <p key={`${n.dagId}/${n.runId}`} className={n.state === "success" ? "ok notice" : "problem notice"} data-run={n.runId}>
            Your run <Link to={{ page: "run", dagId: n.dagId, runId: n.runId, rerun: false }}>{n.runId}</Link> of {n.dagId} {n.state === "success" ? "succeeded" : "failed"}.{" "}
            <button type="button" className="link" onClick={() => setNotices((list) => list.filter((x) => x !== n))}>Dismiss</button>
          </p>
        ))}
      </div>
      {permission === "default" ? (
        <p className="hint">
          <button type="button" className="link" onClick={() => void Notification.requestPermission().then(setPermission)}>Notify me</button> when my runs end, even in another tab.
        </p>
      ) : null}
    </aside>
  );
}

const loadedAt = Date.now();
