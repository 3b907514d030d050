import type { ReactNode } from "react";
import { href, navigate, type Route } from "../router";

/** A real link (opens in a new tab, keyboard-operable) that navigates in the page on a plain click. */
export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  return (
    <a
      href={href(to)}
      className={className}
      onClick={(event) => {
        if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
          event.preventDefault();
          navigate(to);
        }
      }}
    >
      {children}
    </a>
  );
}
