// How this page signs in: GET /api/v1/sign-in (anonymous) says the deployment's mode; the credential is kept in
// sessionStorage (gone when the tab closes) and sent on every call as the header that mode reads.
export type AuthMode = "Development" | "ApiKeys" | "Jwt";

export interface Credential {
  mode: AuthMode;
  /** Development: the user name; ApiKeys: the key; Jwt: the bearer token. */
  value: string;
}

const storageKey = "airgate.credential";

export function loadCredential(): Credential | null {
  try {
    const text = sessionStorage.getItem(storageKey);
    return text === null ? null : (JSON.parse(text) as Credential);
  } catch {
    return null;
  }
}

export function saveCredential(credential: Credential | null): void {
  if (credential === null) {
    sessionStorage.removeItem(storageKey);
  } else {
    sessionStorage.setItem(storageKey, JSON.stringify(credential));
  }
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
