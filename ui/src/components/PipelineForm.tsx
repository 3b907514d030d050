import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ErrorObject } from "ajv";
import { UPDATE_CORE, type Middleware } from "@jsonforms/core";
import { JsonForms } from "@jsonforms/react";
import { vanillaCells } from "@jsonforms/vanilla-renderers";
import type { ProblemError } from "../api/client";
import { createAjv } from "../forms/ajv";
import { launchpadRenderers } from "../forms/renderers";
import { generatedUiSchema, toFormSchema, visibleUiSchema, type JsonSchema } from "../forms/schema";

const ajv = createAjv();
const config = { showUnfocusedDescription: true, hideRequiredAsterisk: false };

interface Props {
  id: string;
  title: string;
  description?: string | null;
  schema: JsonSchema;
  uiSchema: unknown;
  /** Label fields with the --name typed on a Nextflow command line. */
  cliNames: boolean;
  data: Record<string, unknown>;
  errors: ProblemError[];
  onChange: (data: Record<string, unknown>) => void;
}

/**
 * One pipeline's parameters as a JSON Forms form (vanilla renderers, Ajv2020), laid out by the profile's ui_schema
 * or a generated layout. Airgate's 400 errors[] are passed as additionalErrors, so each message shows beside the
 * field its pointer names (ValidateAndHide: the browser's own checks stay quiet; the server's answer counts).
 */
export function PipelineForm({ id, title, description, schema, uiSchema, cliNames, data, errors, onChange }: Props) {
  const form = useMemo(() => toFormSchema(schema, cliNames), [schema, cliNames]);
  const [showHidden, setShowHidden] = useState(false);
  const layout = useMemo(
    () => visibleUiSchema(uiSchema, showHidden ? new Set<string>() : form.hidden) ?? generatedUiSchema(form, showHidden),
    [uiSchema, form, showHidden],
  );
  const additionalErrors = useMemo<ErrorObject[]>(
    () => errors.map((e) => ({ instancePath: e.pointer ?? "", message: e.message, keyword: "airgate", schemaPath: "", params: {} })),
    [errors],
  );
  // JSON Forms tells the parent of a change 10 ms after it (debounced), and takes the parent's `data` back as an update.
  // A field typed between the two would be overwritten by that echo of an older state. Data the form itself emitted is
  // therefore never taken back; only data from elsewhere (a preset, a rerun's values) replaces what is in the form.
  const emitted = useRef(new WeakSet<object>());
  const keepTypedValues = useMemo<Middleware>(
    () => (state, action, reducer) =>
      action.type === UPDATE_CORE && typeof action.data === "object" && action.data !== null && emitted.current.has(action.data)
        ? reducer(state, { ...action, data: state.data })
        : reducer(state, action),
    [],
  );
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = section.current;
    if (root === null) return;
    labelTableCells(root);
    const observer = new MutationObserver(() => labelTableCells(root));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <section className="pipeline-form" aria-labelledby={`${id}-title`} data-pipeline={id} ref={section}>
      <h3 id={`${id}-title`}>{title}</h3>
      {description ? <p className="hint">{description}</p> : null}
      {form.hidden.size > 0 ? (
        <label className="inline hint">
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> Show hidden parameters ({form.hidden.size})
        </label>
      ) : null}
      <FormBoundary>
        <JsonForms
          schema={form.schema}
          uischema={layout}
          data={data}
          renderers={launchpadRenderers}
          cells={vanillaCells}
          ajv={ajv}
          config={config}
          validationMode="ValidateAndHide"
          additionalErrors={additionalErrors}
          middleware={keepTypedValues}
          onChange={({ data: next }) => {
            const values = (next ?? {}) as Record<string, unknown>;
            emitted.current.add(values);
            onChange(values);
          }}
        />
      </FormBoundary>
    </section>
  );
}

/**
 * The vanilla renderers draw an array of objects as a table whose cell inputs have no label; each gets one from its
 * column header and row ("R 1, row 2"), so screen readers name every field.
 */
function labelTableCells(root: HTMLElement): void {
  for (const table of root.querySelectorAll("table")) {
    // The column of row actions (delete) has an empty header: name it, for screen readers and axe's empty-table-header.
    for (const th of table.querySelectorAll("thead th")) {
      if ((th.textContent ?? "").trim() === "") {
        const name = document.createElement("span");
        name.className = "column-name";
        name.textContent = "Actions";
        th.append(name);
      }
    }
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    table.querySelectorAll("tbody tr").forEach((row, rowIndex) => {
      row.querySelectorAll(":scope > td").forEach((cell, column) => {
        for (const control of cell.querySelectorAll("input, select, textarea")) {
          const label = `${headers[column] || "Value"}, row ${rowIndex + 1}`;
          if (control.getAttribute("aria-label") !== label) control.setAttribute("aria-label", label);
        }
      });
    });
  }
}

class FormBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: String(error) };
  }

  render() {
    return this.state.error === null ? this.props.children : (
      <p role="alert" className="problem">This form could not be drawn from its schema ({this.state.error}). The server still validates what you send.</p>
    );
  }
}
