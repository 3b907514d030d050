import { useEffect, useMemo, useRef, useState } from "react";
import { airgate, describeProblem, type Pipeline, type Problem, type ProblemError, type Run, type TasksAnswer } from "../api/client";
import { rerun, type Change } from "../api/rerun";
import { withDefaults } from "../forms/ajv";
import { fieldLabel, friendlyMessage } from "../forms/messages";
import type { JsonSchema } from "../forms/schema";
import { mergePatch, uuid } from "../util";
import { ErrorSummary } from "./ErrorSummary";
import { PipelineForm } from "./PipelineForm";

export interface RerunOf {
  runId: string;
  /** The parameters the old run was started with, per pipeline id (or the Params). */
  pipelines: Record<string, Record<string, unknown>>;
  params: Record<string, unknown> | null;
}

/** Values to start the form from (an earlier run, a preset): per pipeline id, or the Params. */
export interface StartingValues {
  pipelines?: Record<string, unknown> | null;
  params?: Record<string, unknown> | null;
}

interface Props {
  dagId: string;
  tasks: TasksAnswer;
  rerunOf?: RerunOf;
  startFrom?: StartingValues;
  /** Pipelines whose profile changed since the values were made (schema_changed): flagged above their form. */
  changedSchemas?: string[];
  onValues?: (values: StartingValues) => void;
  onStarted: (run: Run, changes: Change[] | null) => void;
}

type Outcome =
  | { kind: "none" }
  | { kind: "busy"; what: string }
  | { kind: "errors"; problem: Problem }
  | { kind: "problem"; message: string }
  | { kind: "dry_run"; conf: unknown; changes: Change[] | null }
  | { kind: "unavailable"; message: string };

const PARAMS = "params";

/**
 * A workflow's launch form: one JSON Forms form per pipeline in stage order (or one for Airflow Params), a note,
 * "Check (dry run)" which shows the exact conf, and "Start run" with an Idempotency-Key. As a rerun form it starts
 * from the old run's parameters and sends only what changed (a JSON merge patch), and its dry run lists `changes`.
 */
export function LaunchForm({ dagId, tasks, rerunOf, startFrom, changedSchemas = [], onValues, onStarted }: Props) {
  const pipelines: Pipeline[] = tasks.pipelines;
  const usesParams = tasks.parameters_source === "dag_params";
  const paramsSchema = (tasks.parameters_schema ?? null) as JsonSchema | null;

  const initial = useMemo(() => {
    const values: Record<string, Record<string, unknown>> = {};
    for (const p of pipelines) {
      const from = (rerunOf?.pipelines[p.id] ?? startFrom?.pipelines?.[p.id] ?? {}) as Record<string, unknown>;
      values[p.id] = withDefaults(p.parameters_schema as JsonSchema, structuredClone(from));
    }
    if (usesParams && paramsSchema !== null) {
      values[PARAMS] = withDefaults(paramsSchema, structuredClone(rerunOf?.params ?? startFrom?.params ?? {}));
    }
    return values;
  }, [pipelines, usesParams, paramsSchema, rerunOf, startFrom]);

  const [values, setValues] = useState(initial);
  // New starting values (a preset chosen) replace the form's values in place: remounting the form would give its
  // fields new ids (JSON Forms keeps ids unique while the old form is still mounted). Only new *content* does: a parent
  // re-rendering with equal starting values must never wipe what the user has typed since.
  const initialKey = useMemo(() => JSON.stringify(initial), [initial]);
  useEffect(() => setValues(initial), [initialKey]);
  useEffect(() => {
    onValues?.(usesParams ? { params: values[PARAMS] ?? {} } : { pipelines: Object.fromEntries(pipelines.map((p) => [p.id, values[p.id] ?? {}])) });
  }, [values]);
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const lastAttempt = useRef<{ body: string; key: string } | null>(null);
  const names = useMemo(() => Object.fromEntries(pipelines.map((p) => [p.id, p.name ?? p.id])), [pipelines]);

  const errors: ProblemError[] = outcome.kind === "errors" ? outcome.problem.errors ?? [] : [];
  // Params errors point into the body ("/params/accession"); the form's fields are relative to the params object.
  // Beside a field, the message in words (a raw pattern only as detail).
  const friendly = (e: ProblemError): ProblemError => {
    const { message, detail } = friendlyMessage(e);
    return { ...e, message: detail ? `${message} (${detail})` : message };
  };
  const errorsFor = (id: string): ProblemError[] =>
    (id === PARAMS
      ? errors.filter((e) => !e.pipeline && (e.pointer ?? "").startsWith("/params")).map((e) => ({ ...e, pointer: (e.pointer ?? "").slice("/params".length) }))
      : errors.filter((e) => e.pipeline === id)
    ).map(friendly);
  // Each form's errors keep their identity until the outcome changes: a new array on every render would make JSON Forms
  // re-initialise its core from the `data` prop, which can overwrite a value the user has just typed.
  const formErrors = useMemo(
    () => Object.fromEntries([PARAMS, ...pipelines.map((p) => p.id)].map((id) => [id, errorsFor(id)])),
    [outcome, pipelines],
  );
  const schemas = useMemo(() => Object.fromEntries(pipelines.map((p) => [p.id, p.parameters_schema as JsonSchema])), [pipelines]);
  const labelFor = (e: ProblemError): string | null => {
    if (!e.pointer) return null;
    if (e.pipeline) return fieldLabel(schemas[e.pipeline] ?? null, e.pointer, isNextflow(pipelines.find((p) => p.id === e.pipeline)));
    return e.pointer.startsWith("/params") ? fieldLabel(paramsSchema, e.pointer.slice("/params".length), false) : e.pointer;
  };

  const triggerBody = () => {
    // A workflow with neither manifest nor Params (parameters_source "none") is started with an empty body.
    const body: Record<string, unknown> = usesParams
      ? { params: values[PARAMS] ?? {} }
      : pipelines.length > 0
        ? { pipelines: Object.fromEntries(pipelines.map((p) => [p.id, values[p.id] ?? {}])) }
        : {};
    if (note.trim() !== "") body.note = note.trim();
    return body;
  };

  const rerunBody = (old: RerunOf) => {
    const body: Record<string, unknown> = usesParams
      ? { params: mergePatch(old.params ?? {}, values[PARAMS] ?? {}) }
      : { pipelines: Object.fromEntries(pipelines.map((p) => [p.id, mergePatch(old.pipelines[p.id] ?? {}, values[p.id] ?? {})])) };
    if (note.trim() !== "") body.note = note.trim();
    return body;
  };

  // One key per distinct body: a retry of the same request replays the run; a changed form is a new request.
  const keyFor = (body: unknown) => {
    const text = JSON.stringify(body);
    if (lastAttempt.current?.body !== text) lastAttempt.current = { body: text, key: uuid() };
    return lastAttempt.current.key;
  };

  async function submit(dryRun: boolean) {
    setOutcome({ kind: "busy", what: dryRun ? "Checking…" : "Starting…" });
    try {
      if (rerunOf !== undefined) {
        const body = rerunBody(rerunOf);
        const answer = await rerun(dagId, rerunOf.runId, body, { dryRun, ...(dryRun ? {} : { idempotencyKey: keyFor(body) }) });
        if (answer.kind === "unavailable") setOutcome({ kind: "unavailable", message: "This Airgate has no rerun endpoint yet (404): start a new run from the workflow instead." });
        else if (answer.kind === "problem") setOutcome(answer.status === 400 && answer.problem.errors?.length ? { kind: "errors", problem: answer.problem } : { kind: "problem", message: describeProblem(answer.problem, answer.status) });
        else if (answer.kind === "dry_run") setOutcome({ kind: "dry_run", conf: answer.answer.conf, changes: answer.answer.changes ?? [] });
        else onStarted(answer.run, answer.changes);
        return;
      }
      const body = triggerBody();
      const result = await airgate.POST("/api/v1/workflows/{dag_id}/runs", {
        params: { path: { dag_id: dagId }, query: { dry_run: dryRun }, header: dryRun ? {} : { "Idempotency-Key": keyFor(body) } },
        body: body as never,
      });
      if (result.error !== undefined) {
        const problem = result.error as Problem;
        setOutcome(result.response.status === 400 && problem.errors?.length ? { kind: "errors", problem } : { kind: "problem", message: describeProblem(problem, result.response.status) });
      } else if (dryRun && "conf" in result.data) {
        setOutcome({ kind: "dry_run", conf: result.data.conf, changes: null });
      } else if ("dag_run_id" in result.data) {
        onStarted(result.data as Run, null);
      }
    } catch (error) {
      setOutcome({ kind: "problem", message: `Airgate could not be reached: ${String(error)}` });
    }
  }

  const busy = outcome.kind === "busy";
  return (
    <form
      className="launch-form"
      aria-label={rerunOf ? "Rerun with corrections" : "Start a run"}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
    >
      {outcome.kind === "errors" ? <ErrorSummary title={`${outcome.problem.title ?? "The parameters are not valid"}: ${errors.length} to fix`} errors={errors} pipelineNames={names} labelFor={labelFor} /> : null}
      {usesParams && paramsSchema !== null ? (
        <PipelineForm id={PARAMS} title="Parameters (Airflow Params)" schema={paramsSchema} uiSchema={null} cliNames={false} data={values[PARAMS] ?? {}} errors={formErrors[PARAMS] ?? []} onChange={(data) => setValues((v) => ({ ...v, [PARAMS]: data }))} />
      ) : null}
      {pipelines.filter((p) => changedSchemas.includes(p.id)).map((p) => (
        <p key={`changed-${p.id}`} className="warning" role="status" data-schema-changed={p.id}>
          {p.name ?? p.id}: its profile has changed since that run (schema_changed). Check its fields; “Check (dry run)” validates them against today’s profile.
        </p>
      ))}
      {pipelines.map((p, index) => (
        <PipelineForm
          key={p.id}
          id={p.id}
          title={`${pipelines.length > 1 ? `Stage ${index + 1}: ` : ""}${p.name ?? p.id} ${p.version ?? ""}`}
          description={p.description}
          schema={p.parameters_schema as JsonSchema}
          uiSchema={p.ui_schema}
          cliNames={isNextflow(p)}
          data={values[p.id] ?? {}}
          errors={formErrors[p.id] ?? []}
          onChange={(data) => setValues((v) => ({ ...v, [p.id]: data }))}
        />
      ))}
      {!usesParams && pipelines.length === 0 ? <p className="hint">This workflow takes no parameters.</p> : null}
      <div className="field">
        <label htmlFor="run-note">Note (optional)</label>
        <input id="run-note" type="text" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void submit(true)}>
          {rerunOf ? "Show changes (dry run)" : "Check (dry run)"}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {rerunOf ? "Start rerun" : "Start run"}
        </button>
      </div>
      <div aria-live="polite" className="outcome">
        {outcome.kind === "busy" ? <p>{outcome.what}</p> : null}
        {outcome.kind === "problem" || outcome.kind === "unavailable" ? <p className="problem" role="alert">{outcome.message}</p> : null}
        {outcome.kind === "dry_run" ? (
          <div className="dry-run">
            <p className="ok">Valid. {rerunOf ? "These parameters differ from the old run:" : "This is the exact conf Airflow would receive:"}</p>
            {outcome.changes !== null ? <ChangesTable changes={outcome.changes} names={names} /> : null}
            {!rerunOf ? <ExportRun dagId={dagId} pipelines={pipelines} values={values} /> : null}
            <details open={!rerunOf}>
              <summary>conf</summary>
              <pre className="conf" role="region" tabIndex={0} aria-label="The conf that would be sent">{JSON.stringify(outcome.conf, null, 2)}</pre>
            </details>
          </div>
        ) : null}
      </div>
    </form>
  );
}

/**
 * What would be run, to reproduce by hand: params.json per pipeline (nf-core's -params-file form) and the command line.
 * Offered after a valid dry run, from the values that were checked.
 */
function ExportRun({ dagId, pipelines, values }: { dagId: string; pipelines: Pipeline[]; values: Record<string, Record<string, unknown>> }) {
  if (pipelines.length === 0) return null;
  const file = (p: Pipeline) => `${p.id}.params.json`;
  const command = pipelines
    .map((p) => `nextflow run ${p.name ?? p.id}${p.version ? ` -r ${p.version}` : ""} -params-file ${file(p)}`)
    .join("\n");
  const href = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));
  return (
    <div className="export" aria-label="Export what would be run" role="group">
      <p>Reproduce it by hand:</p>
      <ul>
        {pipelines.map((p) => (
          <li key={p.id}>
            <a href={href(`${JSON.stringify(values[p.id] ?? {}, null, 2)}\n`, "application/json")} download={file(p)}>Download {file(p)}</a>
          </li>
        ))}
        <li>
          <a href={href(`${command}\n`, "text/plain")} download={`${dagId}.command.txt`}>Download the command line</a>
        </li>
      </ul>
      <pre className="conf" role="region" tabIndex={0} aria-label="The command line">{command}</pre>
    </div>
  );
}

/** Nextflow pipelines take their parameters as --name on the command line; the form shows that name. */
export function isNextflow(pipeline: Pipeline | undefined): boolean {
  return (pipeline?.type ?? "").toLowerCase() === "nextflow";
}

export function ChangesTable({ changes, names }: { changes: Change[]; names: Record<string, string> }) {
  if (changes.length === 0) return <p>No parameter differs from the old run.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Changes table" tabIndex={0}>
    <table className="changes">
      <caption>Changes from the old run</caption>
      <thead>
        <tr>
          <th scope="col">Pipeline</th>
          <th scope="col">Parameter</th>
          <th scope="col">Old</th>
          <th scope="col">New</th>
          <th scope="col">Changed by</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c, i) => (
          <tr key={i}>
            <td>{c.pipeline ? names[c.pipeline] ?? c.pipeline : "Params"}</td>
            <td><code>{c.pointer}</code></td>
            <td><code>{"old" in c ? JSON.stringify(c.old) : "(absent)"}</code></td>
            <td><code>{"new" in c ? JSON.stringify(c.new) : "(absent)"}</code></td>
            <td>{c.by === "default" ? "a changed default" : "you"}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
