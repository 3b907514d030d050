import { useEffect, useRef } from "react";
import type { ProblemError } from "../api/client";
import { friendlyMessage } from "../forms/messages";

/**
 * Every error of a 400 in one list (announced by screen readers: role=alert), each naming its form and field;
 * "Go to field" moves the focus there. The same messages also show beside their fields.
 */
export function ErrorSummary({ title, errors, pipelineNames, labelFor }: { title: string; errors: ProblemError[]; pipelineNames: Record<string, string>; labelFor: (error: ProblemError) => string | null }) {
  const box = useRef<HTMLDivElement>(null);
  // Keyboard users land on the list of what to fix (it is also announced, role=alert).
  useEffect(() => box.current?.focus(), [errors]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title" ref={box}>
      <h3 id="error-summary-title">{title}</h3>
      <ul>
        {errors.map((error, index) => {
          const where = [error.pipeline ? pipelineNames[error.pipeline] ?? error.pipeline : null, labelFor(error) ?? error.parameter].filter(Boolean).join(", ");
          const { message, detail } = friendlyMessage(error);
          return (
            <li key={index} data-pointer={error.pointer ?? ""}>
              {where ? <strong>{where}: </strong> : null}
              {message}
              {detail ? <> <code className="hint">({detail})</code></> : null}
              {error.pointer ? (
                <>
                  {" "}
                  <button type="button" className="link" onClick={() => focusField(error.pipeline ?? "params", error.pipeline ? error.pointer ?? "" : (error.pointer ?? "").replace(/^\/params/, ""))}>
                    Go to field
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function focusField(pipeline: string, pointer: string): void {
  const form = document.querySelector(`[data-pipeline="${CSS.escape(pipeline)}"]`);
  const name = pointer.split("/").filter(Boolean)[0];
  if (form === null || name === undefined) return;
  const wrapper = form.querySelector(`[id^="${CSS.escape(`#/properties/${name}`)}"]`);
  const field = wrapper?.querySelector<HTMLElement>("input, select, textarea, button") ?? null;
  field?.focus();
  wrapper?.scrollIntoView({ block: "center" });
}
