// Turns a pipeline's resolved parameters_schema into what JSON Forms renders well, without changing what is valid:
// - properties joined through allOf (profile inheritance, nf-core parameter groups under $defs) are lifted to the
//   top, so ui_schema scopes like "#/properties/samples" and the generated layout find them;
// - each property gets a label: its title, and for Nextflow pipelines the --name typed on a command line (never a
//   title-cased name); nf-core's help_text stays in the schema for the renderer's "more" toggle;
// - properties marked hidden: true, and nf-core's generic options even where a schema forgets to mark them, are left
//   out of the layout unless the user shows hidden parameters (their defaults still reach the server);
// - a group keeps its description (and fa_icon, which is not drawn: Font Awesome is not bundled, the page is offline).
// The server validates the original schema again; its answer is the one that counts.
import type { UISchemaElement } from "@jsonforms/core";

export type JsonSchema = Record<string, unknown>;

interface Group {
  title: string | null;
  description: string | null;
  icon: string | null;
  names: string[];
}

export interface FormSchema {
  schema: JsonSchema;
  groups: Group[];
  hidden: Set<string>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function resolveLocal(root: JsonSchema, node: unknown, depth = 0): JsonSchema | null {
  if (!isObject(node)) return null;
  const ref = node.$ref;
  if (typeof ref === "string" && ref.startsWith("#/") && depth < 32) {
    let target: unknown = root;
    for (const segment of ref.slice(2).split("/")) {
      const key = decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
      target = isObject(target) ? target[key] : undefined;
    }
    return resolveLocal(root, target, depth + 1);
  }
  return node;
}

/** nf-core's generic options: never what a scientist fills in, hidden whatever the schema says. */
export const GENERIC_OPTIONS = new Set([
  "help", "help_full", "show_hidden", "version", "validate_params", "monochrome_logs", "plaintext_email", "hook_url",
  "pipelines_testdata_base_path", "trace_report_suffix", "config_profile_name", "config_profile_description",
  "custom_config_version", "custom_config_base", "config_profile_contact", "config_profile_url",
]);

function labelled(property: unknown, root: JsonSchema, name: string, cliNames: boolean): unknown {
  const resolved = resolveLocal(root, property);
  if (resolved === null || !isObject(property)) return property;
  const title = typeof resolved.title === "string" ? resolved.title : null;
  const label = cliNames ? (title !== null ? `${title} (--${name})` : `--${name}`) : title ?? name;
  return { ...resolved, title: label };
}

export function toFormSchema(original: JsonSchema, cliNames = false): FormSchema {
  const schema: JsonSchema = { ...original };
  const properties: Record<string, unknown> = {};
  const required = new Set<string>(Array.isArray(original.required) ? (original.required as string[]) : []);
  const groups: Group[] = [];
  const hidden = new Set<string>();

  const visit = (node: JsonSchema, depth: number) => {
    const group: Group = {
      title: typeof node.title === "string" ? node.title : null,
      description: typeof node.description === "string" ? node.description : null,
      icon: typeof node.fa_icon === "string" ? node.fa_icon : null,
      names: [],
    };
    for (const member of Array.isArray(node.allOf) ? node.allOf : []) {
      const resolved = resolveLocal(original, member);
      if (resolved !== null && depth < 16) visit(resolved, depth + 1);
    }
    if (isObject(node.properties)) {
      for (const [name, property] of Object.entries(node.properties)) {
        properties[name] = labelled(property, original, name, cliNames);
        group.names.push(name);
        if (resolveLocal(original, property)?.hidden === true || GENERIC_OPTIONS.has(name)) hidden.add(name);
      }
    }
    if (depth > 0 && Array.isArray(node.required)) {
      for (const name of node.required as string[]) required.add(name);
    }
    if (group.names.length > 0) groups.push(group);
  };
  visit(original, 0);

  schema.properties = properties;
  if (required.size > 0) schema.required = [...required];
  // Two forms of one nf-core pipeline share its $id, which one Ajv instance refuses to compile twice.
  delete schema.$id;
  delete schema.allOf; // lifted above; keeping it would validate twice in the browser
  delete schema.unevaluatedProperties; // refers to what allOf evaluated; the server checks it
  return { schema, groups, hidden };
}

/** The profile's own ui_schema without controls of hidden properties; null when it has none. */
export function visibleUiSchema(uiSchema: unknown, hidden: Set<string>): UISchemaElement | null {
  if (!isObject(uiSchema) || typeof uiSchema.type !== "string") return null;
  const prune = (element: Record<string, unknown>): Record<string, unknown> | null => {
    if (element.type === "Control" && typeof element.scope === "string") {
      const name = element.scope.replace(/^#\/properties\//, "");
      return hidden.has(name) ? null : element;
    }
    if (Array.isArray(element.elements)) {
      const elements = element.elements.filter(isObject).map(prune).filter((e): e is Record<string, unknown> => e !== null);
      return { ...element, elements };
    }
    return element;
  };
  return prune(uiSchema) as UISchemaElement | null;
}

/**
 * A layout for a profile without ui_schema: one group per parameter group (nf-core's $defs sections, inherited
 * profiles), skipping hidden parameters and constants (the server fills those).
 */
export function generatedUiSchema(form: FormSchema, showHidden = false): UISchemaElement {
  const properties = (form.schema.properties ?? {}) as Record<string, unknown>;
  const controlsOf = (names: string[]) =>
    names
      .filter((name) => (showHidden || !form.hidden.has(name)) && !(isObject(properties[name]) && "const" in (properties[name] as object)))
      .map((name) => ({ type: "Control", scope: `#/properties/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` }));
  const sections = form.groups
    .map((group) => ({ group, elements: controlsOf(group.names) }))
    .filter((section) => section.elements.length > 0);
  if (sections.length <= 1) {
    return { type: "VerticalLayout", elements: sections[0]?.elements ?? [] } as UISchemaElement;
  }
  return {
    type: "VerticalLayout",
    elements: sections.map(({ group, elements }) => ({
      type: "Group",
      label: group.title ?? "Parameters",
      elements,
      options: { description: group.description, icon: group.icon },
    })),
  } as UISchemaElement;
}
