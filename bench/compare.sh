#!/usr/bin/env bash
# compare.sh measures, in one run and on one core, the bulk validation of 100,000
# proposals by this module's decoder and validator, by santhosh-tekuri/jsonschema/v6 and by
# ajv on the exported schema; checks that the three give the same verdict on every record;
# then the peak memory of `civic validate` over 1,000,000 NDJSON records. It prints the
# figures, the ratios, and a last line "compare: N passed, M failed" counting the targets:
#
#   1. the three validators give the same verdict on every record;
#   2. ours/ajv >= 1.0 (against the faster of ajv's allErrors:false and allErrors:true);
#   3. ours/santhosh >= 4;
#   4. `civic validate` over 1,000,000 records keeps its maximum RSS under 64 MiB.
#
# Usage: bench/compare.sh            (from anywhere in the repository)
# Environment: OUT=DIR keeps the corpora, verdicts and binaries in DIR (default: a temporary
# directory, removed at the end); N=100000 and BIG=1000000 change the corpus sizes; RUNS=5.
# Needs go, node and npm; /usr/bin/time is installed with apt-get (package "time") when
# missing and the script runs as root. The exit status is 0 when every target is met.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-100000}
BIG=${BIG:-1000000}
RUNS=${RUNS:-5}
if [[ -n "${OUT:-}" ]]; then
	mkdir -p "$OUT"
else
	OUT=$(mktemp -d)
	trap 'rm -rf "$OUT"' EXIT
fi

PIN=()
if command -v taskset >/dev/null 2>&1; then
	PIN=(taskset -c 0)
fi
export GOMAXPROCS=1
say() { printf '%s\n' "$*"; }
passed=0
failed=0
target() { # target NAME OK(0|1) DETAIL
	if [[ $2 == 1 ]]; then
		passed=$((passed + 1))
		say "PASS $1: $3"
	else
		failed=$((failed + 1))
		say "FAIL $1: $3"
	fi
}

say "== machine"
say "$(go version); node $(node --version); $(nproc) CPUs; pinned with: ${PIN[*]:-(taskset not available)}; GOMAXPROCS=1"
grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true

say "== build"
go build -o "$OUT/corpus" ./bench/corpus
go build -o "$OUT/gobulk" ./bench/gobulk
go build -o "$OUT/santhosh" ./bench/santhosh
go build -o "$OUT/civic" ./cmd/civic
(
	cd bench/ajv
	if [[ ! -d node_modules/ajv || ! -d node_modules/ajv-formats ]]; then
		npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund
	fi
)

say "== corpus: $N records, seed 1"
"$OUT/corpus" -n "$N" -seed 1 -o "$OUT/corpus.ndjson"
"$OUT/civic" schema proposal >"$OUT/proposal.schema.json"
if cmp -s "$OUT/proposal.schema.json" schema/schemas/proposal-journee-civic-tech-2019.schema.json; then
	say "schema: civic schema proposal = schema/schemas/proposal-journee-civic-tech-2019.schema.json"
else
	say "schema: NOTE civic schema proposal differs from the committed file; using the command's output"
fi

rate() { sed -n 's/.* best \([0-9][0-9]*\) docs\/s.*/\1/p' | head -n "${2:-1}" | tail -n 1; }

say "== ours: contribution.Decoder (decode + full validation), best of $RUNS"
"${PIN[@]}" "$OUT/gobulk" -runs "$RUNS" -verdicts "$OUT/verdicts.go" "$OUT/corpus.ndjson" | tee "$OUT/go.txt"
say "== santhosh-tekuri/jsonschema/v6 (UnmarshalJSON + Validate, AssertFormat), best of $RUNS"
"${PIN[@]}" "$OUT/santhosh" -runs "$RUNS" -schema "$OUT/proposal.schema.json" -verdicts "$OUT/verdicts.santhosh" "$OUT/corpus.ndjson" | tee "$OUT/santhosh.txt"
say "== ajv (JSON.parse + validate, ajv/dist/2020, ajv-formats, strict), best of $RUNS"
"${PIN[@]}" node bench/ajv/bulk.mjs "$OUT/proposal.schema.json" "$OUT/corpus.ndjson" --runs "$RUNS" --verdicts "$OUT/verdicts.ajv" | tee "$OUT/ajv.txt"

go_rate=$(rate <"$OUT/go.txt")
san_rate=$(rate <"$OUT/santhosh.txt")
ajv_false=$(sed -n 's/.*allErrors:false.* best \([0-9][0-9]*\) docs\/s.*/\1/p' "$OUT/ajv.txt")
ajv_true=$(sed -n 's/.*allErrors:true.* best \([0-9][0-9]*\) docs\/s.*/\1/p' "$OUT/ajv.txt")
ajv_best=$((ajv_false > ajv_true ? ajv_false : ajv_true))

say "== verdicts"
agree=1
for v in santhosh ajv; do
	if diff -q "$OUT/verdicts.go" "$OUT/verdicts.$v" >/dev/null; then
		say "go = $v on all $(wc -l <"$OUT/verdicts.go") records ($(grep -c 1 "$OUT/verdicts.go") valid)"
	else
		agree=0
		say "go != $v on $(diff "$OUT/verdicts.go" "$OUT/verdicts.$v" | grep -c '^<') records; first ones (line numbers):"
		diff "$OUT/verdicts.go" "$OUT/verdicts.$v" | grep -E '^[0-9]' | head -5
	fi
done

say "== ratios (docs/s)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }' && echo 1 || echo 0; }
r_ajv=$(ratio "$go_rate" "$ajv_best")
r_ajv_false=$(ratio "$go_rate" "$ajv_false")
r_ajv_true=$(ratio "$go_rate" "$ajv_true")
r_san=$(ratio "$go_rate" "$san_rate")
say "ours $go_rate, santhosh $san_rate, ajv allErrors:false $ajv_false, ajv allErrors:true $ajv_true"
say "ours/ajv = $r_ajv (against the faster ajv; $r_ajv_false against allErrors:false, $r_ajv_true against allErrors:true)"
say "ours/santhosh = $r_san"

say "== memory: civic validate over $BIG NDJSON records"
TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
	if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
		say "installing the Debian package \"time\" (apt-get install -y time) for /usr/bin/time -v"
		apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }
	fi
fi
rss_ok=0
rss_detail="/usr/bin/time not available"
if [[ -x $TIME ]]; then
	"$OUT/corpus" -n "$BIG" -seed 2 -nocheck -o "$OUT/big.ndjson"
	say "file: $(du -h "$OUT/big.ndjson" | cut -f1)"
	status=0
	"$TIME" -v "$OUT/civic" validate "$OUT/big.ndjson" >"$OUT/big.out" 2>"$OUT/big.time" || status=$?
	grep -E 'records:|enregistrements' "$OUT/big.time" || true
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$OUT/big.time")
	wall=$(sed -n 's/.*Elapsed (wall clock) time.*: \(.*\)/\1/p' "$OUT/big.time")
	say "civic validate: exit status $status (1 = some records invalid), wall $wall, max RSS ${rss} kB = $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MiB"
	rss_detail="max RSS $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MiB over $BIG records (limit 64 MiB)"
	if [[ $status == 1 && -n $rss && $rss -lt 65536 ]]; then
		rss_ok=1
	elif [[ $status != 1 ]]; then
		rss_detail="$rss_detail; unexpected exit status $status"
	fi
	rm -f "$OUT/big.ndjson"
fi

say "== targets"
target "verdicts" "$agree" "ours, santhosh and ajv agree on every record"
target "ours/ajv >= 1.0" "$(ge "$r_ajv" 1.0)" "$r_ajv ($go_rate vs $ajv_best docs/s)"
target "ours/santhosh >= 4" "$(ge "$r_san" 4)" "$r_san ($go_rate vs $san_rate docs/s)"
target "civic validate RSS < 64 MiB" "$rss_ok" "$rss_detail"
say "compare: $passed passed, $failed failed"
[[ $failed == 0 ]]
