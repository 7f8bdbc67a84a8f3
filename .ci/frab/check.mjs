// Validates frab / c3voc schedule JSON files against the c3voc schema
// (../shared/conformance/schedule.schema.json, JSON Schema draft-06) with ajv in strict
// mode with every error, and ajv-formats for its formats. Prints each file's verdict and
// "frab-json: N passed, M failed".
// Usage: node check.mjs SCHEMA.json FILE.json...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);
const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile || files.length === 0) {
  console.error("usage: node check.mjs SCHEMA.json FILE.json...");
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
// The schema declares draft-06: ajv 8 knows draft-07 and later, and reads draft-06 once
// its meta-schema is added.
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: true });
ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
addFormats(ajv);
// The schema's "color" format is a CSS hexadecimal colour, as frab and pretalx write it.
ajv.addFormat("color", /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/);
const validate = ajv.compile(schema);
// The validator must refuse what the schema refuses: a document without its schedule.
if (validate({ generator: { name: "x" } })) {
  console.error("frab-json: the schema accepts a document without a schedule; is it the right schema?");
  process.exit(2);
}

let passed = 0, failed = 0;
for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    failed++;
    console.log(`${file}: not JSON: ${e.message}`);
    continue;
  }
  if (validate(doc)) {
    passed++;
    console.log(`${file}: valid`);
  } else {
    failed++;
    for (const e of validate.errors) console.log(`${file}: ${e.instancePath || "/"} ${e.message}`);
  }
}
console.log(`frab-json: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
