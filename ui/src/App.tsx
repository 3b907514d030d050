import { useEffect, useState } from "react";
import { saveCredential, sessionCredential, shareCredential, type AuthMode, type Credential } from "./api/auth";
import { airgate, setCredential, type CurrentUser } from "./api/client";
import { Link } from "./components/Link";
import { LaunchPage } from "./components/LaunchPage";
import { RunPage } from "./components/RunPage";
import { RunEndNotices } from "./components/RunEndNotices";
import { RunsPage } from "./components/RunsPage";
import { SignIn } from "./components/SignIn";
import { WorkflowList } from "./components/WorkflowList";
import { useRoute } from "./router";

export function App() {
  const route = useRoute();
  const [mode, setMode] = useState<AuthMode | null>(null);
  const [credential, setCred] = useState<Credential | null>(null);
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // The tab's credential, or the one another open tab of this session signed in with, then the deployment's mode.
    void Promise.all([sessionCredential(), airgate.GET("/api/v1/sign-in")])
      .then(([shared, { data }]) => {
        if (data === undefined) {
          setProblem("This Airgate did not say how to sign in.");
          return;
        }
        const m = data.mode as AuthMode;
        // A credential saved for another mode is meaningless here.
        const usable = shared !== null && shared.mode === m ? shared : null;
        setCredential(usable);
        setCred(usable);
        setMode(m);
      })
      .catch((e: unknown) => setProblem(`Airgate could not be reached: ${String(e)}`));
    return shareCredential((next) => {
      setCredential(next);
      setCred(next);
    });
    // Once, on load: the mode does not change while the page is open.
  }, []);

  // Who the page acts as, shown in the header; asked again whenever the credential changes.
  useEffect(() => {
    if (mode === null || (mode !== "Development" && credential === null)) {
      setUser(null);
      return;
    }
    let cancelled = false;
    void airgate.GET("/api/v1/me").then(({ data }) => !cancelled && setUser(data ?? null)).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [mode, credential]);

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
        {mode !== null ? <SignIn key={`${mode}/${credential?.value ?? ""}`} mode={mode} credential={credential} user={user} onChange={change} /> : null}
      </header>
      {/* Between header and main, at the top level (a complementary landmark), in the page's flow. */}
      <RunEndNotices key={who} user={user} />
      <main id="main" tabIndex={-1}>
        {problem !== null ? <p className="problem" role="alert">{problem}</p> : null}
        {needsCredential ? (
          <p className="warning">Sign in first: this Airgate uses {mode === "ApiKeys" ? "API keys" : "bearer tokens (OIDC)"}.</p>
        ) : mode === null ? null : (
          <div key={who}>
            {route.page === "workflows" ? <WorkflowList /> : null}
            {route.page === "launch" ? <LaunchPage key={`${route.dagId}/${route.from ?? ""}`} dagId={route.dagId} from={route.from ?? null} /> : null}
            {route.page === "runs" ? <RunsPage scope={route.scope} /> : null}
            {/* Keyed by run: another run's page starts fresh (no log panel carried over from the run before). */}
            {route.page === "run" ? <RunPage key={`${route.dagId}/${route.runId}`} dagId={route.dagId} runId={route.runId} rerun={route.rerun} /> : null}
          </div>
        )}
      </main>
    </>
  );
}
