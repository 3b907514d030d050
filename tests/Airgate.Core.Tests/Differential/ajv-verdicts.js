// Verdicts of ajv 8 (Ajv2020 + ajv-formats; ajv's default Ajv class, draft-07, for a schema that declares draft-07)
// for the differential check in AjvDifferentialTests.
// Usage: NODE_PATH=<.ci/tools/node_modules> node ajv-verdicts.js <dir>
// For each <name>.schema.json in <dir>, reads <name>.instances.jsonl (one JSON text per line) and writes
// <name>.ajv.txt: one line per instance, "1" valid, "0" invalid.
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const AjvDraft07 = require('ajv').default;
const addFormats = require('ajv-formats');

const dir = process.argv[2];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const name = file.slice(0, -'.schema.json'.length);
  // strict: false because nf-schema keywords (help_text, fa_icon, errorMessage, ...) are annotations, as in Airgate.
  const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const Ajv = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/.test(schema.$schema || '') ? AjvDraft07 : Ajv2020;
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  for (const format of ['file-path', 'directory-path', 'path', 'file-path-pattern']) {
    ajv.addFormat(format, true);
  }
  const validate = ajv.compile(schema);
  const lines = fs.readFileSync(path.join(dir, name + '.instances.jsonl'), 'utf8').split('\n').filter((l) => l.length > 0);
  const verdicts = lines.map((line) => (validate(JSON.parse(line)) ? '1' : '0'));
  fs.writeFileSync(path.join(dir, name + '.ajv.txt'), verdicts.join('\n') + '\n');
}
