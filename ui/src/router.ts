// A few routes, on the History API (Airgate serves index.html for any page path, so deep links and reloads work).
import { useEffect, useState } from "react";

export type Route =
  | { page: "workflows" }
  | { page: "launch"; dagId: string; from?: string }
  | { page: "runs"; scope: "mine" | "all" }
  | { page: "run"; dagId: string; runId: string; rerun: boolean };

export function parse(location: Location): Route {
  const parts = location.pathname.split("/").filter((p) => p !== "").map(decodeURIComponent);
  if (parts[0] === "workflows" && parts[1] !== undefined) {
    const from = new URLSearchParams(location.search).get("from");
    return from ? { page: "launch", dagId: parts[1], from } : { page: "launch", dagId: parts[1] };
  }
  if (parts[0] === "runs" && parts[1] !== undefined && parts[2] !== undefined) {
    return { page: "run", dagId: parts[1], runId: parts[2], rerun: parts[3] === "rerun" };
  }
  if (parts[0] === "runs") return { page: "runs", scope: new URLSearchParams(location.search).get("scope") === "all" ? "all" : "mine" };
  return { page: "workflows" };
}

export function href(route: Route): string {
  switch (route.page) {
    case "workflows":
      return "/";
    case "launch":
      return `/workflows/${encodeURIComponent(route.dagId)}${route.from ? `?from=${encodeURIComponent(route.from)}` : ""}`;
    case "runs":
      return route.scope === "all" ? "/runs?scope=all" : "/runs";
    case "run":
      return `/runs/${encodeURIComponent(route.dagId)}/${encodeURIComponent(route.runId)}${route.rerun ? "/rerun" : ""}`;
  }
}

export function navigate(route: Route): void {
  window.history.pushState(null, "", href(route));
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location));
  useEffect(() => {
    const update = () => setRoute(parse(window.location));
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}
