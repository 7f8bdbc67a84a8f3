#!/usr/bin/env bash
# Parses the iCalendar exports with ical.js (npm, this directory's package-lock.json): the
# programme in French and English, the Observatoire's calendar, the golden files of
# package schedule, and the programme of the Journée moved to zones with other daylight
# saving rules (each VTIMEZONE must resolve local times as the time zone database does).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go run ./cmd/civic --lang fr programme --format ics --out "$dir/programme.fr.ics"
go run ./cmd/civic --lang en programme --format ics --out "$dir/programme.en.ics"
go run ./cmd/civic --lang fr programme --example rencontres-2027 --format ics --out "$dir/programme.rencontres.fr.ics"
go run ./cmd/civic --lang en calendar --format ics >"$dir/calendar.en.ics"
go run ./cmd/civic --lang fr calendar --format ics >"$dir/calendar.fr.ics"
for zone in America/New_York Australia/Sydney Asia/Kolkata; do
	name=${zone//\//_}
	sed "s#\"timeZone\": \"Europe/Paris\"#\"timeZone\": \"$zone\"#" event/data/journee-2019.json >"$dir/event-$name.json"
	go run ./cmd/civic programme --format ics --event "$dir/event-$name.json" --out "$dir/programme-$name.ics"
done
(cd .ci/ical && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
node .ci/ical/check.mjs "$dir"/*.ics schedule/testdata/*.ics
