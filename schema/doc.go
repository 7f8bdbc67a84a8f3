// Package schema exports the JSON Schemas (draft 2020-12) of the documents of this module
// — calls for contributions, formats, axes and proposals — so that platforms written in
// any language can validate documents as the Go validators do. It is the only package of
// the module that imports github.com/invopop/jsonschema; the domain packages know nothing
// of it.
//
// # Schemas
//
// [Generate] reflects the generic schema of a document type (one of [Types]) from its Go
// type, with the titles and descriptions of its Go doc comments (extracted by go generate
// into a Go file, never at run time), enums for every closed list, the patterns of
// identifiers, e-mail addresses, dates, question references, countries and currencies, a
// pattern refusing control characters (and, in names and titles, bidirectional formatting
// characters), length and item bounds, additionalProperties false, and exactly the
// required members the Go validator requires.
//
// [ProposalFor] specialises the proposal schema to one call: the call's formats,
// languages, axes and guiding questions as enums, its length limits, and the rules of
// each format as if/then conditions — the section the format requires and those it
// forbids, axes only for formats that address them, ongoing work only where accepted, a
// support document only where allowed, a project not launched, at least one contributor
// of a family the format is open to, and each guiding question's axis among the axes.
//
// The schemas are committed in the schemas directory of this package and embedded:
// [Names] lists them and [File] returns one. A golden test regenerates every schema and
// fails when the Go types and the committed files drift apart; go test ./schema -update
// rewrites them.
//
// # Agreement with the Go validator
//
// What a schema refuses, the Go validator refuses. The Go validator also checks rules a
// schema cannot express, which each schema's description names with their error codes;
// for the schema of [ProposalFor] they are [BeyondSchema]: decoding problems a JSON
// Schema validator never sees (duplicate keys, invalid UTF-8, limits of the decoder),
// impossible dates and times, URLs Go's net/url refuses, the same e-mail twice, a period
// ending before it starts, results of actions not yet carried out, and a submission
// outside the call's dates.
//
// Lengths are counted in Unicode code points, as JSON Schema counts them, of the NFC form,
// which the Go decoder normalises every string to: send NFC text, or a string in another
// form (NFD) may be longer for the schema than for the Go validator.
//
// A corpus of valid and invalid proposals (testdata/corpus.ndjson) is judged by the Go
// validator, by santhosh-tekuri/jsonschema in this package's tests and by ajv in the
// script .ci/ajv/check.mjs; the tests fail if a schema refuses a document Go accepts, or
// if Go refuses one the schema accepts for a reason other than a rule beyond the schema.
//
// # Using the schemas elsewhere
//
// In JavaScript, compile them with ajv's draft 2020-12 class and ajv-formats:
//
//	import Ajv2020 from "ajv/dist/2020.js";
//	import addFormats from "ajv-formats";
//	const ajv = new Ajv2020({ strict: true, allErrors: true });
//	addFormats(ajv);
//	const validate = ajv.compile(schema);
//
// In Go, prefer the module's own decoders ([contribution.DecodeProposal]), which report
// every problem with a path, a stable code and a localised message; use the schemas for
// clients, forms and platforms in other languages. Validators must assert formats
// (date-time): under draft 2020-12, format is an annotation unless asserted.
package schema

//go:generate go run ./internal/gencomments -root .. -out comments_gen.go . axis contribution participation event schedule
