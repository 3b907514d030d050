// Walks a front end's user story against a running Airgate with the client generated from its own document:
// list workflows, read tasks with their schemas, dry run, trigger with mistakes and read errors[], trigger,
// follow the run, stop another one, read its events and a log, dry-run a corrected rerun. Error answers a UI must handle are exercised too (404, 403, 422, 304).
// Usage: AIRGATE_URL=http://127.0.0.1:5080 node dist/scenario.js
import createClient from "openapi-fetch";
// The types generated from the committed snapshot of /openapi/v1.json, shared with the launchpad (ui/).
import type { components, paths } from "../../openapi/airgate.js";

type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.AIRGATE_URL ?? "http://127.0.0.1:5080";
// airgate dev's Development mode: X-Airgate-User names the user (ApiKeys/Jwt deployments send their credential instead).
const client = createClient<paths>({ baseUrl, headers: { "X-Airgate-User": "scenario-user" } });
const otherUser = createClient<paths>({ baseUrl, headers: { "X-Airgate-User": "someone-else" } });

function check(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`scenario failed: ${message}`);
  }
}

function step(message: string): void {
  console.log(`[scenario] ${message}`);
}

const workflows = await client.GET("/api/v1/workflows", { params: { query: { limit: 10, paused: false } } });
check(workflows.data !== undefined, `list workflows answered ${workflows.response.status}`);
const etag = workflows.response.headers.get("ETag");
check(etag !== null, "workflows carry an ETag");
step(`${workflows.data.total_entries} workflows; ETag ${etag}`);

const again = await client.GET("/api/v1/workflows", { params: { query: { limit: 10, paused: false }, header: { "If-None-Match": etag } } });
check(again.response.status === 304, `If-None-Match answered ${again.response.status}, not 304`);

const screen = workflows.data.workflows.find((w) => w.parameters_source === "pipelines" && w.dag_id === "bactopia_species_screen");
check(screen !== undefined, "the example workflow bactopia_species_screen is listed");
const dagId = screen.dag_id;

const tasks = await client.GET("/api/v1/workflows/{dag_id}/tasks", { params: { path: { dag_id: dagId } } });
check(tasks.data !== undefined, "tasks are listed");
const pipeline = tasks.data.pipelines[0];
check(pipeline !== undefined, "the workflow runs a pipeline");
const schema = pipeline.parameters_schema as { $schema?: string };
check(schema.$schema === "https://json-schema.org/draft/2020-12/schema", "schemas are draft 2020-12 (use Ajv2020)");
step(`${tasks.data.total_entries} tasks; first pipeline ${pipeline.id}`);

const unknown = await client.GET("/api/v1/workflows/{dag_id}", { params: { path: { dag_id: "no_such_workflow" } } });
check(unknown.error !== undefined && unknown.response.status === 404, "an unknown workflow is a 404 problem");
const notFound: Problem = unknown.error;
step(`unknown workflow: ${notFound.type}`);

const good = {
  samples: [{ sample: "isolate-1", r1: "/data/isolate-1_R1.fastq.gz" }],
  outdir: "/results/screen",
  kraken2_db: "/db/k2_standard_08gb",
};

const mistakes = await client.POST("/api/v1/workflows/{dag_id}/runs", {
  params: { path: { dag_id: dagId }, query: { dry_run: true } },
  body: { pipelines: { [pipeline.id]: { ...good, max_cpus: 0, outdir: "relative/dir" } } },
});
check(mistakes.error !== undefined && mistakes.response.status === 400, "bad parameters are a 400 problem");
const errors = mistakes.error.errors ?? [];
check(errors.length >= 2, "every bad parameter is reported at once");
for (const error of errors) {
  step(`error at ${error.pipeline ?? "(request)"}${error.pointer ?? ""} [${error.keyword ?? "?"}]: ${error.message}`);
}
check(errors.some((e) => e.pointer === "/max_cpus"), "errors carry JSON pointers");

const dryRun = await client.POST("/api/v1/workflows/{dag_id}/runs", {
  params: { path: { dag_id: dagId }, query: { dry_run: true } },
  body: { pipelines: { [pipeline.id]: good } },
});
check(dryRun.response.status === 200 && dryRun.data !== undefined && "conf" in dryRun.data, "a dry run answers the conf");
step("dry run: valid");

const key = `scenario-${Date.now()}`;
const started = await client.POST("/api/v1/workflows/{dag_id}/runs", {
  params: { path: { dag_id: dagId }, header: { "Idempotency-Key": key } },
  body: { pipelines: { [pipeline.id]: good }, note: "started by the TypeScript scenario" },
});
check(started.response.status === 201 && started.data !== undefined && "dag_run_id" in started.data, `trigger answered ${started.response.status}`);
const runId = started.data.dag_run_id;
check(started.response.headers.get("Location") !== null, "a new run has a Location");
step(`triggered ${runId}`);

const replay = await client.POST("/api/v1/workflows/{dag_id}/runs", {
  params: { path: { dag_id: dagId }, header: { "Idempotency-Key": key } },
  body: { pipelines: { [pipeline.id]: good }, note: "started by the TypeScript scenario" },
});
check(replay.response.status === 200 && replay.response.headers.get("Idempotent-Replayed") === "true", "a retry replays the run");

const reused = await client.POST("/api/v1/workflows/{dag_id}/runs", {
  params: { path: { dag_id: dagId }, header: { "Idempotency-Key": key } },
  body: { pipelines: { [pipeline.id]: { ...good, outdir: "/results/other" } } },
});
check(reused.response.status === 422 && reused.error !== undefined, "the same key with another body is 422");

const mine = await client.GET("/api/v1/workflows/{dag_id}/runs", { params: { path: { dag_id: "~" }, query: { mine: true, state: ["queued", "running", "success", "failed"], order_by: "-run_after" } } });
check(mine.data !== undefined && mine.data.runs.some((r) => r.dag_run_id === runId), "my runs include the new run");

let state: string | null | undefined;
for (let i = 0; i < 20; i++) {
  const run = await client.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", { params: { path: { dag_id: dagId, dag_run_id: runId } } });
  check(run.data !== undefined, `run detail answered ${run.response.status}`);
  const summary = run.data.summary;
  state = run.data.state;
  step(`run ${state}; progress ${summary?.progress ?? 0}`);
  const instances = await client.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks", { params: { path: { dag_id: dagId, dag_run_id: runId } } });
  check(instances.data !== undefined, "task instances are listed");
  const first = instances.data.task_instances[0];
  if (first !== undefined) {
    const one = await client.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks/{task_id}", { params: { path: { dag_id: dagId, dag_run_id: runId, task_id: first.task_id } } });
    check(one.data !== undefined, "one task's instances are listed");
  }
  if (state === "success" || state === "failed" || i >= 2) {
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const notYours = await otherUser.PATCH("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", {
  params: { path: { dag_id: dagId, dag_run_id: runId } },
  body: { state: "failed" },
});
check(notYours.response.status === 403 && notYours.error !== undefined, "stopping someone else's run is 403");

const stopped = await client.PATCH("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", {
  params: { path: { dag_id: dagId, dag_run_id: runId } },
  body: { state: "failed", note: "stopped by the TypeScript scenario" },
});
check(stopped.data !== undefined && stopped.data.state === "failed", `stop answered ${stopped.response.status}`);
step(`stopped ${runId}`);

// A finished run's event stream: one snapshot, then end, then the server closes it (a live run's stream goes on).
const events = await client.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/events", {
  params: { path: { dag_id: dagId, dag_run_id: runId } },
  headers: { Accept: "text/event-stream" },
  parseAs: "text",
});
check(events.response.status === 200 && typeof events.data === "string", `run events answered ${events.response.status}`);
check(events.data.includes("event: snapshot") && events.data.includes("event: end"), "a finished run's stream has a snapshot and an end");
step("run events: snapshot, end");

const firstTask = tasks.data.tasks[0]?.task_id ?? "none";
const log = await client.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks/{task_id}/logs", {
  params: { path: { dag_id: dagId, dag_run_id: runId, task_id: firstTask }, query: { map_index: -1 } },
});
check(log.response.status === 200 || log.response.status === 404, `a task log answered ${log.response.status}`);
step(`task log of ${firstTask}: ${log.response.status}`);

const rerun = await client.POST("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/rerun", {
  params: { path: { dag_id: dagId, dag_run_id: runId }, query: { dry_run: true } },
  body: { pipelines: { [pipeline.id]: { outdir: "/results/rerun" } } },
});
check(rerun.response.status === 200 && rerun.data !== undefined && "changes" in rerun.data, `a rerun dry run answered ${rerun.response.status}`);
check(rerun.data.changes.some((c) => c.pointer === "/outdir" && c.by === "user"), "the rerun lists the corrected parameter");
step("rerun dry run: /outdir changed by the user");

const pipelines = await client.GET("/api/v1/pipelines", { params: { query: { runnable: true, limit: 100 } } });
check(pipelines.data !== undefined && pipelines.data.total_entries > 0, "pipelines are listed");
const byName = await client.GET("/api/v1/pipelines/{id}", { params: { path: { id: `${pipeline.name}@${pipeline.version}` } } });
check(byName.data?.id === pipeline.id, "a pipeline is found by name@version");
const problems = await client.GET("/api/v1/registry/problems");
check(problems.data !== undefined, "registry problems are listed");
const task = await client.GET("/api/v1/workflows/{dag_id}/tasks/{task_id}", { params: { path: { dag_id: dagId, task_id: tasks.data.tasks[0]?.task_id ?? "none" } } });
check(task.data !== undefined, "one task is read");
const workflow = await client.GET("/api/v1/workflows/{dag_id}", { params: { path: { dag_id: dagId } } });
check(workflow.data?.dag_id === dagId, "one workflow is read");
const live = await client.GET("/health/live");
const ready = await client.GET("/health/ready");
check(ready.data !== undefined || ready.error !== undefined, "readiness answers");
check(live.data?.status === "healthy", "the service is live");

step("done: every operation answered as its document says");
