// The one typed client: openapi-fetch over the types openapi-typescript generated from Airgate's own document
// (clients/openapi/airgate.d.ts, shared with clients/typescript). Every call carries the signed-in credential.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "../../../clients/openapi/airgate";
import { authHeaders, type Credential } from "./auth";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];
export type ProblemError = NonNullable<Problem["errors"]>[number];
export type Workflow = Schemas["WorkflowResponse"];
export type Pipeline = Schemas["WorkflowTasksResponse"]["pipelines"][number];
export type TasksAnswer = Schemas["WorkflowTasksResponse"];
export type Run = Schemas["RunResponse"];
export type TaskInstance = Schemas["AirflowTaskInstance"];
export type RunSummary = Schemas["RunSummary"];
export type DryRun = Schemas["DryRunResponse"];
export type CurrentUser = Schemas["CurrentUserResponse"];
export type Preset = Schemas["PresetResponse"];

let credential: Credential | null = null;

export function setCredential(next: Credential | null): void {
  credential = next;
}

/** Headers for calls made with fetch directly (streams, routes the snapshot does not have yet). */
export function currentHeaders(): Record<string, string> {
  return authHeaders(credential);
}

const withCredential: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders(credential))) {
      request.headers.set(name, value);
    }
    return request;
  },
};

export const airgate = createClient<paths>({ baseUrl: window.location.origin });
airgate.use(withCredential);

/** A problem's one-line text for a banner. */
export function describeProblem(problem: unknown, status?: number): string {
  if (problem !== null && typeof problem === "object") {
    const p = problem as { title?: unknown; detail?: unknown };
    const title = typeof p.title === "string" ? p.title : "Request failed";
    return typeof p.detail === "string" && p.detail !== "" ? `${title}: ${p.detail}` : title;
  }
  return status === undefined ? "Airgate did not answer." : `Airgate answered ${status}.`;
}
