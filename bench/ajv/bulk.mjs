// bulk.mjs validates every line of an NDJSON corpus against a JSON Schema with ajv
// (ajv/dist/2020, ajv-formats, strict mode): JSON.parse + validate on one thread, best of
// N passes, once with allErrors false and once with allErrors true. It prints the
// throughput and the number of valid documents of each, and can write the verdicts (one
// line per record, 1 valid or 0 invalid) of the allErrors:false pass.
//
// Usage: node bulk.mjs SCHEMA.json CORPUS.ndjson [--runs 5] [--verdicts FILE]
import { readFileSync, writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const args = process.argv.slice(2);
let runs = 5;
let verdictsFile = "";
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--verdicts") verdictsFile = args[++i];
  else pos.push(args[i]);
}
if (pos.length !== 2 || !(runs > 0)) {
  console.error("usage: node bulk.mjs SCHEMA.json CORPUS.ndjson [--runs 5] [--verdicts FILE]");
  process.exit(2);
}
const schema = JSON.parse(readFileSync(pos[0], "utf8"));
const lines = readFileSync(pos[1], "utf8").split("\n").filter((l) => l.trim() !== "");

function bench(allErrors) {
  const ajv = new Ajv2020({ strict: true, allErrors });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const verdicts = new Uint8Array(lines.length);
  let best = Infinity;
  let valid = 0;
  const rates = [];
  for (let r = 0; r < runs; r++) {
    valid = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < lines.length; i++) {
      let ok;
      try {
        ok = validate(JSON.parse(lines[i]));
      } catch {
        ok = false;
      }
      verdicts[i] = ok ? 1 : 0;
      if (ok) valid++;
    }
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, s);
    rates.push(Math.round(lines.length / s));
  }
  const rate = lines.length / best;
  console.log(
    `ajv ${ajvVersion()} (allErrors:${allErrors}): ${lines.length} docs, ${valid} valid, best ${Math.round(rate)} docs/s (${((best * 1e6) / lines.length).toFixed(2)} µs/doc), runs [${rates.join(" ")}]`,
  );
  return { rate, verdicts };
}

function ajvVersion() {
  try {
    return JSON.parse(readFileSync(new URL("./node_modules/ajv/package.json", import.meta.url), "utf8")).version;
  } catch {
    return "?";
  }
}

const first = bench(false);
bench(true);
if (verdictsFile) {
  writeFileSync(verdictsFile, Array.from(first.verdicts, (v) => (v ? "1\n" : "0\n")).join(""));
}
