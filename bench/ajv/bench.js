// Times ajv (draft 2020-12) on the same schema and data as bench/Airgate.JsonSchema.Bench.
// Prints one JSON line: {"IsValid_Valid": ns, ...} per validation, matching the BenchmarkDotNet method names.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;

const data = path.join(__dirname, '..', 'Airgate.JsonSchema.Bench', 'Data');
const read = (name) => JSON.parse(fs.readFileSync(path.join(data, name), 'utf8'));
const schema = read('profile-schema.json');
const valid = read('valid-parameters.json');
const invalid = read('invalid-parameters.json');

// IsValid stops at the first error (ajv's default); Evaluate collects every error (allErrors).
const fast = new Ajv2020({ strict: false }).compile(schema);
const all = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
if (!fast(valid) || fast(invalid)) {
  throw new Error('The bench data no longer has one valid and one invalid instance.');
}

function time(fn) {
  for (let i = 0; i < 200000; i++) fn();
  const rounds = [];
  for (let round = 0; round < 9; round++) {
    const n = 200000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - start) / n);
  }
  // The median round, comparable with BenchmarkDotNet's mean of steady-state iterations.
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

let sink = 0;
const results = {
  IsValid_Valid: time(() => { sink += fast(valid) ? 1 : 0; }),
  IsValid_Invalid: time(() => { sink += fast(invalid) ? 1 : 0; }),
  Evaluate_Valid: time(() => { all(valid); sink += all.errors ? all.errors.length : 0; }),
  Evaluate_Invalid: time(() => { all(invalid); sink += all.errors ? all.errors.length : 0; }),
};
if (sink < 0) console.log(sink);
console.log(JSON.stringify(results));
