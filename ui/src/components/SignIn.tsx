import { useState } from "react";
import type { AuthMode, Credential } from "../api/auth";
import type { CurrentUser } from "../api/client";

const labels: Record<AuthMode, { field: string; hint: string; type: string }> = {
  Development: { field: "Act as user", hint: "Development mode: no credentials; the name is sent as X-Airgate-User (empty = dev, an admin). Kept for this browser session, in every tab.", type: "text" },
  ApiKeys: { field: "API key", hint: "Sent as X-Api-Key. Kept for this browser session (every tab), never on disk.", type: "password" },
  Jwt: { field: "Bearer token", hint: "An access token from your identity provider, sent as Authorization: Bearer. Kept for this browser session (every tab), never on disk.", type: "password" },
};

/** Who the page acts as (user and roles, from GET /api/v1/me), and the form to sign in or switch. */
export function SignIn({ mode, credential, user, onChange }: { mode: AuthMode; credential: Credential | null; user: CurrentUser | null; onChange: (c: Credential | null) => void }) {
  const [value, setValue] = useState(credential?.value ?? "");
  const label = labels[mode];
  return (
    <div className="identity">
      <p className="whoami" aria-live="polite" data-user={user?.id ?? ""}>
        {user !== null ? (
          <>
            Signed in as <strong>{user.name}</strong>
            {user.name !== user.id ? <> ({user.id})</> : null}
            {user.roles.length > 0 ? <>, roles: {user.roles.join(", ")}</> : <>, no roles</>}
          </>
        ) : mode === "Development" ? null : (
          "Not signed in"
        )}
      </p>
      <form
        className="sign-in"
        aria-label="Sign in"
        onSubmit={(event) => {
          event.preventDefault();
          onChange(value.trim() === "" ? null : { mode, value: value.trim() });
        }}
      >
        <label htmlFor="credential">{label.field}</label>
        {mode === "Development" ? (
          <>
            <input id="credential" type="text" list="known-users" value={value} placeholder="dev" onChange={(e) => setValue(e.target.value)} aria-describedby="credential-hint" autoComplete="off" />
            <datalist id="known-users">
              <option value="dev" />
              <option value="alice" />
              <option value="bob" />
            </datalist>
          </>
        ) : (
          <input id="credential" type={label.type} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby="credential-hint" autoComplete="off" />
        )}
        <button type="submit">{mode === "Development" ? "Switch user" : "Sign in"}</button>
        {credential !== null && mode !== "Development" ? (
          <button type="button" onClick={() => { setValue(""); onChange(null); }}>Sign out</button>
        ) : null}
        <span id="credential-hint" className="hint">{label.hint}</span>
      </form>
    </div>
  );
}
