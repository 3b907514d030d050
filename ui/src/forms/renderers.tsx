// Two renderers over JSON Forms' vanilla set, for nf-core schemas as nf-core launch and Seqera show them:
// - a control with help_text or a path format draws the vanilla control, then what the path expects and the
//   help_text as sanitised Markdown behind a "more" toggle;
// - a Group is collapsible (details/summary) and shows its description.
import { useMemo } from "react";
import DOMPurify from "dompurify";
import { marked } from "marked";
import {
  rankWith,
  schemaMatches,
  uiTypeIs,
  type ControlElement,
  type GroupLayout,
  type JsonFormsRendererRegistryEntry,
  type LayoutProps,
  type RendererProps,
} from "@jsonforms/core";
import { JsonFormsDispatch, withJsonFormsLayoutProps } from "@jsonforms/react";
import { vanillaCells, vanillaRenderers } from "@jsonforms/vanilla-renderers";
import { schemaAt } from "./messages";
import type { JsonSchema } from "./schema";

const PATH_FORMATS = new Set(["file-path", "directory-path", "path", "file-path-pattern"]);

function hasExtras(schema: Record<string, unknown>): boolean {
  return typeof schema.help_text === "string" || PATH_FORMATS.has(String(schema.format ?? ""));
}

/** help_text as HTML: Markdown rendered by marked, then everything but plain formatting removed by DOMPurify. */
export function helpHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ["img", "style", "form", "input"], FORBID_ATTR: ["style"] });
}

/** What a path field expects, in words: the kind of path, its pattern, its MIME type and an example. */
export function pathExpectation(schema: Record<string, unknown>): string | null {
  const format = String(schema.format ?? "");
  if (!PATH_FORMATS.has(format)) return null;
  const kind = format === "directory-path" ? "A directory" : format === "file-path-pattern" ? "A glob of files" : format === "file-path" ? "A file" : "A path";
  const parts = [kind];
  if (typeof schema.pattern === "string") parts.push(`whose path matches ${schema.pattern}`);
  if (typeof schema.mimetype === "string") parts.push(`(${schema.mimetype})`);
  const example = Array.isArray(schema.examples) ? schema.examples[0] : schema.default;
  const text = parts.join(" ");
  return typeof example === "string" && example !== "" ? `${text}, e.g. ${example}.` : `${text}.`;
}

function ControlWithHelp(props: RendererProps) {
  const scope = (props.uischema as ControlElement).scope;
  const pointer = scope.replace(/^#/, "").replace(/\/properties\//g, "/");
  const schema = (schemaAt(props.schema as JsonSchema, pointer) ?? {}) as Record<string, unknown>;
  const help = typeof schema.help_text === "string" ? schema.help_text : null;
  const html = useMemo(() => (help === null ? "" : helpHtml(help)), [help]);
  const expects = pathExpectation(schema);
  return (
    <div className="control-with-help">
      <JsonFormsDispatch schema={props.schema} uischema={props.uischema} path={props.path} enabled={props.enabled} renderers={vanillaRenderers} cells={vanillaCells} />
      {expects !== null ? <p className="path-hint">{expects}</p> : null}
      {help !== null ? (
        <details className="help-text">
          <summary>more<span className="visually-hidden"> about {String(schema.title ?? pointer)}</span></summary>
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </details>
      ) : null}
    </div>
  );
}

function CollapsibleGroup({ uischema, schema, path, enabled, renderers, cells, visible }: LayoutProps) {
  const group = uischema as GroupLayout & { options?: { description?: string | null } };
  if (!visible) return null;
  return (
    <details className="param-group" open>
      <summary>{group.label ?? "Parameters"}</summary>
      {group.options?.description ? <p className="hint">{group.options.description}</p> : null}
      {group.elements.map((element, index) => (
        <JsonFormsDispatch key={index} uischema={element} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
      ))}
    </details>
  );
}

export const launchpadRenderers: JsonFormsRendererRegistryEntry[] = [
  ...vanillaRenderers,
  { tester: rankWith(50, schemaMatches((schema) => hasExtras(schema as Record<string, unknown>))), renderer: ControlWithHelp },
  { tester: rankWith(50, uiTypeIs("Group")), renderer: withJsonFormsLayoutProps(CollapsibleGroup) },
];
