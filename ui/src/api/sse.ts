// Server-Sent Events over fetch: EventSource cannot send the credential header (X-Airgate-User, X-Api-Key,
// Authorization), so the stream is read and parsed here (the text/event-stream format of the HTML standard).
import { isRouteMissing } from "./capabilities";
import { currentHeaders } from "./client";

export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

export type StreamOutcome =
  | { kind: "ended" }
  | { kind: "unavailable" } // 404 on the route itself: the server does not have it (older Airgate)
  | { kind: "failed"; status: number; body: unknown };

/**
 * Opens an event stream and calls onEvent for each event until the server closes it or signal aborts.
 * A 404 whose problem is not about the run (no such route) is "unavailable": the caller falls back to polling.
 */
export async function readEventStream(
  url: string,
  onEvent: (event: SseEvent) => void,
  signal: AbortSignal,
  lastEventId?: string | null,
): Promise<StreamOutcome> {
  const headers: Record<string, string> = { Accept: "text/event-stream", ...currentHeaders() };
  if (lastEventId) {
    headers["Last-Event-ID"] = lastEventId;
  }
  const response = await fetch(url, { headers, signal, cache: "no-store" });
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.ok || !type.startsWith("text/event-stream") || response.body === null) {
    const body = await response.json().catch(() => null);
    if (isRouteMissing(response.status, body)) {
      return { kind: "unavailable" };
    }
    return { kind: "failed", status: response.status, body };
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "message";
  let data: string[] = [];
  let id: string | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return { kind: "ended" };
    }
    buffer += value;
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
      if (line === "") {
        if (data.length > 0) {
          onEvent({ event, data: data.join("\n"), id });
        }
        event = "message";
        data = [];
        continue;
      }
      if (line.startsWith(":")) {
        continue; // keep-alive comment
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = text;
      else if (field === "data") data.push(text);
      else if (field === "id") id = text;
    }
  }
}

