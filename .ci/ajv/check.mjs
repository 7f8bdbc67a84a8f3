// check.mjs compiles every committed JSON Schema of package schema with ajv (draft
// 2020-12, strict mode, all errors, ajv-formats) and validates the agreement corpus
// (schema/testdata/corpus.ndjson) against the proposal schema of its test call
// (schema/testdata/corpus-call.schema.json). Each corpus line records the Go validator's
// verdict ("goValid"); the script fails when the schema refuses a document the Go
// validator accepts (the schema must never be stricter than Go), and reports the
// documents the schema accepts but Go refuses (rules beyond the schema).
//
// It also checks that the built-in 2019 call (contribution/data/call-2019.json) is valid
// under call.schema.json and each of its sample proposals (sample-2019.json) under the
// committed proposal schema of that call.
//
// Usage: node check.mjs [schema-dir] [corpus.ndjson] [corpus-schema.json]
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "schema");
const schemaDir = process.argv[2] ?? join(root, "schemas");
const corpusFile = process.argv[3] ?? join(root, "testdata", "corpus.ndjson");
const corpusSchema = process.argv[4] ?? join(root, "testdata", "corpus-call.schema.json");
const dataDir = join(here, "..", "..", "contribution", "data");

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

let failed = 0;
let passed = 0;

// 1. Every committed schema compiles in strict mode.
const names = readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort();
if (names.length === 0) {
  console.error(`ajv: no schema in ${schemaDir}`);
  process.exit(2);
}
const compiled = new Map();
for (const name of names) {
  try {
    const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
    compiled.set(name, newAjv().compile(schema));
    passed++;
  } catch (e) {
    console.error(`FAIL compile ${name}: ${e.message}`);
    failed++;
  }
}

// 2. The built-in call and its sample proposals are valid.
function expectValid(schemaName, label, doc) {
  const validate = compiled.get(schemaName);
  if (!validate) {
    console.error(`FAIL ${label}: no compiled schema ${schemaName}`);
    failed++;
    return;
  }
  if (validate(doc)) {
    passed++;
    return;
  }
  failed++;
  console.error(`FAIL ${label}: invalid under ${schemaName}`);
  for (const e of validate.errors ?? []) {
    console.error(`  ${e.instancePath || "/"} ${e.keyword}: ${e.message}`);
  }
}
const call = JSON.parse(readFileSync(join(dataDir, "call-2019.json"), "utf8"));
expectValid("call.schema.json", "built-in call", call);
const sample = JSON.parse(readFileSync(join(dataDir, "sample-2019.json"), "utf8"));
sample.forEach((p, i) => expectValid(`proposal-${call.id}.schema.json`, `sample proposal ${i} (${p.id})`, p));

// 3. The corpus: the schema's verdict against Go's.
let validate;
try {
  validate = newAjv().compile(JSON.parse(readFileSync(corpusSchema, "utf8")));
} catch (e) {
  console.error(`FAIL compile ${corpusSchema}: ${e.message}`);
  process.exit(1);
}
const lines = readFileSync(corpusFile, "utf8").split("\n").filter((l) => l.trim() !== "");
let same = 0;
let beyond = 0;
let goValid = 0;
for (const line of lines) {
  const { name, goValid: want, doc } = JSON.parse(line);
  const ok = validate(doc);
  if (want) goValid++;
  if (ok === want) {
    same++;
    passed++;
  } else if (ok && !want) {
    // Go refuses with a rule beyond the schema: allowed, and checked in the Go test.
    beyond++;
    passed++;
  } else {
    failed++;
    console.error(`FAIL ${name}: the schema refuses a document the Go validator accepts`);
    for (const e of validate.errors ?? []) {
      console.error(`  ${e.instancePath || "/"} ${e.keyword}: ${e.message}`);
    }
  }
}
console.log(
  `ajv: corpus of ${lines.length} documents (${goValid} valid for Go): ${same} judged identically, ${beyond} refused only by Go rules beyond the schema`,
);
// 4. The device corpus (schema/testdata/device-corpus.ndjson) against device.schema.json,
// and the built-in Baromètre against barometre.schema.json.
{
  const validateDevice = compiled.get("device.schema.json");
  const deviceLines = readFileSync(join(root, "testdata", "device-corpus.ndjson"), "utf8").split("\n").filter((l) => l.trim() !== "");
  let dsame = 0, dbeyond = 0;
  for (const line of deviceLines) {
    const { name, goValid: want, doc } = JSON.parse(line);
    const ok = validateDevice(doc);
    if (ok === want) { dsame++; passed++; }
    else if (ok && !want) { dbeyond++; passed++; }
    else {
      failed++;
      console.error(`FAIL device ${name}: the schema refuses a document the Go validator accepts`);
      for (const e of validateDevice.errors ?? []) console.error(`  ${e.instancePath || "/"} ${e.keyword}: ${e.message}`);
    }
  }
  console.log(`ajv: device corpus of ${deviceLines.length} documents: ${dsame} judged identically, ${dbeyond} refused only by Go rules beyond the schema`);
  const barometre = JSON.parse(readFileSync(join(here, "..", "..", "participation", "data", "barometre-2019.json"), "utf8"));
  expectValid("barometre.schema.json", "built-in Baromètre", barometre);
}
console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
