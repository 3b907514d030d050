import { useState } from "react";
import type { AuthMode, Credential } from "../api/auth";

const labels: Record<AuthMode, { field: string; hint: string; type: string }> = {
  Development: { field: "Act as user", hint: "Development mode: no credentials; the name is sent as X-Airgate-User (empty = dev, an admin).", type: "text" },
  ApiKeys: { field: "API key", hint: "Sent as X-Api-Key. Kept in this tab only.", type: "password" },
  Jwt: { field: "Bearer token", hint: "An access token from your identity provider, sent as Authorization: Bearer. Kept in this tab only.", type: "password" },
};

export function SignIn({ mode, credential, onChange }: { mode: AuthMode; credential: Credential | null; onChange: (c: Credential | null) => void }) {
  const [value, setValue] = useState(credential?.value ?? "");
  const label = labels[mode];
  return (
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
  );
}
