#!/usr/bin/env bash
# Renders the HTML programme in headless Chromium and checks the rendered DOM.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go run ./cmd/civic --lang fr programme --format html --out "$dir/programme.html"
go run ./cmd/civic --lang fr programme --format json --out "$dir/programme.json"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$dir/profile" --dump-dom "file://$dir/programme.html" >"$dir/dom.html" 2>"$dir/chromium.log" ||
	{ cat "$dir/chromium.log"; exit 1; }
node .ci/html/check.mjs "$dir/dom.html" "$dir/programme.json"
