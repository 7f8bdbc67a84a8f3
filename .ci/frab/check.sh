#!/usr/bin/env bash
# Checks the frab exports of the programme against the conformance schemas in
# ../shared/conformance: the XML with xmllint --schema (libxml2-utils), the JSON with ajv
# (npm, this directory's package-lock.json). Both languages, the built-in programme and
# the golden files of package schedule.
set -euo pipefail
cd "$(dirname "$0")/../.."
conf=../shared/conformance
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for lang in fr en; do
	go run ./cmd/civic --lang "$lang" programme --format frab-xml --out "$dir/programme.$lang.xml"
	go run ./cmd/civic --lang "$lang" programme --format frab-json --out "$dir/programme.$lang.json"
	# The three-day Rencontres 2027, from its built-in call and sample.
	go run ./cmd/civic --lang "$lang" programme --example rencontres-2027 --format frab-xml --out "$dir/programme.rencontres.$lang.xml"
	go run ./cmd/civic --lang "$lang" programme --example rencontres-2027 --format frab-json --out "$dir/programme.rencontres.$lang.json"
done
xmllint --noout --schema "$conf/schedule.xml.xsd" "$dir"/programme.*.xml schedule/testdata/*.frab.xml
(cd .ci/frab && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node .ci/frab/check.mjs "$conf/schedule.schema.json" "$dir"/programme.*.json schedule/testdata/*.frab.json
# The real schedules of other tools (frab, Pentabarf, pretalx, the CCC hub), read and written
# back as frab XML by civic programme convert: valid against the XSD even where the source is
# not (the Go test TestImportWriteReal checks the same, and the number of events).
go build -o "$dir/civic" ./cmd/civic
for f in ../shared/real/schedules/*.xml ../shared/real/schedules/*.json; do
	"$dir/civic" programme convert --out "$dir/real.$(basename "$f").xml" "$f" 2>/dev/null
done
xmllint --noout --schema "$conf/schedule.xml.xsd" "$dir"/real.*.xml
