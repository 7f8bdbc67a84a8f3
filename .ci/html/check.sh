#!/usr/bin/env bash
# Renders the HTML programme in headless Chromium and checks the rendered DOM.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go run ./cmd/civic --lang fr programme --format html --out "$dir/programme.html"
go run ./cmd/civic --lang fr programme --format json --out "$dir/programme.json"
render() { # render HTML DOM
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$dir/profile" --dump-dom "file://$1" >"$2" 2>"$dir/chromium.log" ||
		{ cat "$dir/chromium.log"; exit 1; }
}
render "$dir/programme.html" "$dir/dom.html"
node .ci/html/check.mjs "$dir/dom.html" "$dir/programme.json"
# The three-day Rencontres 2027 (one table per day), from its built-in call and sample.
go run ./cmd/civic --lang en programme --example rencontres-2027 --format html --out "$dir/rencontres.html"
go run ./cmd/civic --lang en programme --example rencontres-2027 --format json --out "$dir/rencontres.json"
render "$dir/rencontres.html" "$dir/rencontres.dom.html"
node .ci/html/check.mjs "$dir/rencontres.dom.html" "$dir/rencontres.json"
