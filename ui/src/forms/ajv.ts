// The validator JSON Forms uses: Ajv2020, because pipeline schemas are JSON Schema draft 2020-12 ($defs,
// unevaluatedProperties, prefixItems), which the default draft-07 Ajv of JSON Forms cannot compile.
// strict: false because profiles carry keywords of their own (help_text, fa_icon, hidden, errorMessage, ...).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { JsonSchema } from "./schema";

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, useDefaults: true, logger: false });
  addFormats(ajv);
  // nf-schema's path formats are annotations for a form; Airgate does not check them either.
  for (const format of ["file-path", "directory-path", "path", "file-path-pattern"]) {
    ajv.addFormat(format, true);
  }
  return ajv;
}

const defaults = createAjv();

/** The parameters with every default of the schema filled in (Ajv's useDefaults), starting from the given values. */
export function withDefaults(schema: JsonSchema, values: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(values);
  try {
    const { $id: _id, ...anonymous } = schema;
    defaults.compile(anonymous)(copy);
  } catch {
    // A schema this browser's Ajv cannot compile still gets a form; the server fills its defaults itself.
  }
  return copy;
}
