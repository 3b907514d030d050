import { useEffect, useState } from "react";
import { loadCredential, saveCredential, type AuthMode, type Credential } from "./api/auth";
import { airgate, setCredential } from "./api/client";
import { Link } from "./components/Link";
import { LaunchPage } from "./components/LaunchPage";
import { RunPage } from "./components/RunPage";
import { RunsPage } from "./components/RunsPage";
import { SignIn } from "./components/SignIn";
import { WorkflowList } from "./components/WorkflowList";
import { useRoute } from "./router";

export function App() {
  const route = useRoute();
  const [mode, setMode] = useState<AuthMode | null>(null);
  const [credential, setCred] = useState<Credential | null>(() => {
    const saved = loadCredential();
    setCredential(saved);
    return saved;
  });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    airgate
      .GET("/api/v1/sign-in")
      .then(({ data }) => {
        if (data === undefined) {
          setProblem("This Airgate did not say how to sign in.");
          return;
        }
        const m = data.mode as AuthMode;
        setMode(m);
        // A credential saved for another mode is meaningless here.
        if (credential !== null && credential.mode !== m) change(null);
      })
      .catch((e: unknown) => setProblem(`Airgate could not be reached: ${String(e)}`));
    // Once, on load: the mode does not change while the page is open.
  }, []);

  useEffect(() => {
    const titles: Record<string, string> = { workflows: "Workflows", launch: "Start a run", runs: "Runs", run: "Run" };
    document.title = `${titles[route.page] ?? ""} · Airgate launchpad`;
  }, [route]);

  function change(next: Credential | null) {
    saveCredential(next);
    setCredential(next);
    setCred(next);
  }

  const needsCredential = mode !== null && mode !== "Development" && credential === null;
  // Remount pages when the user changes, so they load again as that user.
  const who = credential?.value ?? "";

  return (
    <>
      <a href="#main" className="skip">Skip to content</a>
      <header className="top">
        <h1><Link to={{ page: "workflows" }}>Airgate launchpad</Link></h1>
        <nav aria-label="Main">
          <Link to={{ page: "workflows" }} className={route.page === "workflows" || route.page === "launch" ? "current" : ""}>Workflows</Link>
          <Link to={{ page: "runs", scope: "mine" }} className={route.page === "runs" || route.page === "run" ? "current" : ""}>Runs</Link>
          <a href="/docs">API docs</a>
        </nav>
        {mode !== null ? <SignIn key={mode} mode={mode} credential={credential} onChange={change} /> : null}
      </header>
      <main id="main" tabIndex={-1}>
        {problem !== null ? <p className="problem" role="alert">{problem}</p> : null}
        {needsCredential ? (
          <p className="warning">Sign in first: this Airgate uses {mode === "ApiKeys" ? "API keys" : "bearer tokens (OIDC)"}.</p>
        ) : mode === null ? null : (
          <div key={who}>
            {route.page === "workflows" ? <WorkflowList /> : null}
            {route.page === "launch" ? <LaunchPage dagId={route.dagId} /> : null}
            {route.page === "runs" ? <RunsPage scope={route.scope} /> : null}
            {route.page === "run" ? <RunPage dagId={route.dagId} runId={route.runId} rerun={route.rerun} /> : null}
          </div>
        )}
      </main>
    </>
  );
}
