// What a scientist reads about a field: its label (title and the --name typed on a command line), the row of a table,
// and an error message without raw regexes. The server already puts a schema's own errorMessage in `message`.
import type { ProblemError } from "../api/client";
import type { JsonSchema } from "./schema";

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The sub-schema a JSON pointer into the parameters lands on (through allOf, $ref, items), or null. */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | null {
  const deref = (node: unknown, depth = 0): JsonSchema | null => {
    if (!isObject(node)) return null;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/") && depth < 32) {
      let target: unknown = root;
      for (const part of node.$ref.slice(2).split("/")) target = isObject(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      return deref(target, depth + 1);
    }
    return node;
  };
  const property = (node: JsonSchema, name: string, depth = 0): JsonSchema | null => {
    if (isObject(node.properties) && name in node.properties) return deref(node.properties[name]);
    for (const member of Array.isArray(node.allOf) ? node.allOf : []) {
      const resolved = deref(member);
      const found = resolved !== null && depth < 16 ? property(resolved, name, depth + 1) : null;
      if (found !== null) return found;
    }
    return null;
  };
  let node: JsonSchema | null = deref(root);
  for (const raw of pointer.split("/").slice(1)) {
    if (node === null) return null;
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = /^\d+$/.test(part) && node.items !== undefined ? deref(node.items) : property(node, part);
  }
  return node;
}

/** "Samples, row 1: Sample name" for /samples/0/sample; "Output directory (--outdir)" for /outdir. */
export function fieldLabel(root: JsonSchema | null, pointer: string, cliNames: boolean): string {
  const parts = pointer.split("/").slice(1);
  if (parts.length === 0) return "The parameters";
  const pieces: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (/^\d+$/.test(part)) {
      pieces.push(`row ${Number(part) + 1}`);
      continue;
    }
    const schema = root === null ? null : schemaAt(root, `/${parts.slice(0, i + 1).join("/")}`);
    const title = typeof schema?.title === "string" ? schema.title : null;
    const name = part.replace(/~1/g, "/").replace(/~0/g, "~");
    pieces.push(i === 0 && cliNames ? `${title ?? name} (--${name})` : title ?? name);
  }
  return pieces.join(", ").replace(/, (row \d+), /g, ", $1: ");
}

/** Patterns that can be said in words: a file name's ending, a path's beginning. */
export function describePattern(pattern: string): string | null {
  const ending = /^(?:\^\\S\+|\^\.\*|\^\[\^\\s\]\+|)\\\.(\(?[a-z0-9|]+\)?)(\(\\\.gz\)\?)?\$$/i.exec(pattern);
  if (ending) {
    const extensions = (ending[1] ?? "").replace(/[()]/g, "").split("|").map((e) => `.${e}`);
    const gz = ending[2] ? extensions.map((e) => `${e}.gz`) : [];
    const all = [...extensions, ...gz];
    return `must be a file name ending in ${all.length > 1 ? `${all.slice(0, -1).join(", ")} or ${all[all.length - 1]}` : all[0]}`;
  }
  if (pattern === "^\\S+$") return "must not contain spaces";
  return null;
}

/** The message to show: the server's, unless it is a raw "must match the pattern" (no errorMessage), said in words. */
export function friendlyMessage(error: ProblemError & { pattern?: string | null }): { message: string; detail: string | null } {
  const raw = /^must match the pattern '(.*)'$/.exec(error.message);
  const pattern = error.pattern ?? raw?.[1] ?? null;
  if (raw === null || pattern === null) return { message: error.message, detail: null };
  return { message: describePattern(pattern) ?? "must look like the expected form (pattern below)", detail: `pattern: ${pattern}` };
}
