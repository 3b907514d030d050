import { useEffect, useRef, useState } from "react";
import { followLog, formatEntry, readLog, type LogTarget } from "../api/logs";

/** One task instance's log: read page by page, or followed live until the task finishes. */
/** Task states before the task has run at all: its log does not exist yet. */
const NOT_STARTED = new Set(["", "none", "scheduled", "queued", "deferred", "up_for_reschedule"]);

export function LogPanel({ target, taskState, available, onClose }: { target: LogTarget; taskState: string; available: boolean; onClose: () => void }) {
  const [lines, setLines] = useState<string[]>([]);
  const [token, setToken] = useState<string | null>(null);
  const [follow, setFollow] = useState(false);
  const [status, setStatus] = useState<string>("");
  const pre = useRef<HTMLPreElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const label = `${target.taskId}${target.mapIndex >= 0 ? `[${target.mapIndex}]` : ""}`;

  useEffect(() => heading.current?.focus(), [label]);
  // The run's event stream tells when the task starts; only then can its log be read, so the panel asks again then.
  const started = !NOT_STARTED.has(taskState);

  useEffect(() => {
    if (!available) return;
    const controller = new AbortController();
    setLines([]);
    setToken(null);
    if (!started) {
      setStatus("The task has not started yet: its log will appear here when it does.");
      return () => controller.abort();
    }
    if (follow) {
      setStatus("Following…");
      void followLog(
        target,
        (entries) => setLines((l) => [...l, ...entries.map(formatEntry)]),
        (state) => setStatus(`The task finished (${state}); the log is complete.`),
        controller.signal,
      ).then((answer) => {
        if (controller.signal.aborted) return;
        if (answer?.kind === "unavailable") setStatus("This Airgate cannot stream logs (404).");
        else if (answer?.kind === "failed") setStatus(answer.status === 404 ? "No log yet: it will appear here when the task writes one." : answer.message);
      });
    } else {
      setStatus("Loading…");
      void readLog(target).then((answer) => {
        if (controller.signal.aborted) return;
        if (answer.kind === "ok") {
          setLines(answer.content.map(formatEntry));
          setToken(answer.continuationToken);
          setStatus(answer.content.length === 0 ? "The log is empty so far." : "");
        } else setStatus(answer.kind === "unavailable" ? "This Airgate has no task logs endpoint (404)." : answer.status === 404 ? "No log yet: it will appear here when the task writes one." : answer.message);
      });
    }
    return () => controller.abort();
    // taskState: a task that starts, retries or finishes may have a new log; read or follow it again.
  }, [target.dagId, target.runId, target.taskId, target.mapIndex, follow, available, started, taskState]);

  useEffect(() => {
    if (follow && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [lines, follow]);

  const more = async () => {
    const answer = await readLog(target, token);
    if (answer.kind === "ok") {
      setLines((l) => [...l, ...answer.content.map(formatEntry)]);
      setToken(answer.continuationToken);
    }
  };

  return (
    <section className="log-panel" aria-labelledby="log-title">
      <h3 id="log-title" tabIndex={-1} ref={heading}>Log of {label}</h3>
      {!available ? (
        <p className="warning">Task logs are not available on this Airgate (its API has no logs endpoint yet).</p>
      ) : (
        <>
          <p className="actions">
            <label className="inline">
              <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow (new lines appear as the task writes them)
            </label>
            {!follow && token ? <button type="button" onClick={() => void more()}>Load more</button> : null}
            <button type="button" onClick={onClose}>Close log</button>
          </p>
          <p aria-live="polite" className="hint">{status}</p>
          <pre ref={pre} className="log" role="log" tabIndex={0} aria-label={`Log lines of ${label}`}>{lines.join("\n")}</pre>
        </>
      )}
    </section>
  );
}
