// How this page signs in: GET /api/v1/sign-in (anonymous) says the deployment's mode; the credential is kept in
// sessionStorage and sent on every call as the header that mode reads. Tabs of one browser session share it: a new tab
// asks the open ones (BroadcastChannel) before it falls back to nobody, and a switch in one tab reaches the others.
// It never goes to localStorage, so a key or token is gone once the last tab closes.
export type AuthMode = "Development" | "ApiKeys" | "Jwt";

export interface Credential {
  mode: AuthMode;
  /** Development: the user name; ApiKeys: the key; Jwt: the bearer token. */
  value: string;
}

const storageKey = "airgate.credential";
const channelName = "airgate.credential";
/** How long a new tab waits for an open tab to answer; a lone tab pays it once. */
const askTimeoutMs = 250;

type Message = { kind: "ask" } | { kind: "answer" | "changed"; credential: Credential | null };

const channel: BroadcastChannel | null = typeof BroadcastChannel === "function" ? new BroadcastChannel(channelName) : null;

export function loadCredential(): Credential | null {
  try {
    const text = sessionStorage.getItem(storageKey);
    return text === null ? null : (JSON.parse(text) as Credential);
  } catch {
    return null;
  }
}

function store(credential: Credential | null): void {
  if (credential === null) sessionStorage.removeItem(storageKey);
  else sessionStorage.setItem(storageKey, JSON.stringify(credential));
}

/** Saves the credential in this tab and tells the session's other tabs. */
export function saveCredential(credential: Credential | null): void {
  store(credential);
  channel?.postMessage({ kind: "changed", credential } satisfies Message);
}

/** This tab's credential, else the one another open tab of the session holds (null when none answers in time). */
export async function sessionCredential(): Promise<Credential | null> {
  const own = loadCredential();
  if (own !== null || channel === null) return own;
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => finish(null), askTimeoutMs);
    function finish(credential: Credential | null) {
      window.clearTimeout(timer);
      channel?.removeEventListener("message", listener);
      if (credential !== null) store(credential);
      resolve(credential);
    }
    function listener(event: MessageEvent<Message>) {
      if (event.data.kind === "answer" && event.data.credential !== null) finish(event.data.credential);
    }
    channel.addEventListener("message", listener);
    channel.postMessage({ kind: "ask" } satisfies Message);
  });
}

/** Answers other tabs' questions and calls onChanged when another tab switches user. Returns the unsubscribe. */
export function shareCredential(onChanged: (credential: Credential | null) => void): () => void {
  if (channel === null) return () => undefined;
  const listener = (event: MessageEvent<Message>) => {
    if (event.data.kind === "ask") {
      const own = loadCredential();
      if (own !== null) channel.postMessage({ kind: "answer", credential: own } satisfies Message);
    } else if (event.data.kind === "changed") {
      store(event.data.credential);
      onChanged(event.data.credential);
    }
  };
  channel.addEventListener("message", listener);
  return () => channel.removeEventListener("message", listener);
}

/** The headers a request carries for this credential. */
export function authHeaders(credential: Credential | null): Record<string, string> {
  if (credential === null || credential.value.trim() === "") {
    return {};
  }
  switch (credential.mode) {
    case "Development":
      return { "X-Airgate-User": credential.value.trim() };
    case "ApiKeys":
      return { "X-Api-Key": credential.value.trim() };
    case "Jwt":
      return { Authorization: `Bearer ${credential.value.trim()}` };
  }
}
