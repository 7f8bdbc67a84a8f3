#!/bin/sh
# Side-by-side comparison of the exact selection solver of package contribution with
# GLPK's glpsol on the same random instances (CPLEX LP files written from Go).
#
#   bench/glpk/compare.sh [N] [COUNT]      # defaults: 500 candidates, 20 instances
#
# Needs glpsol (Debian: apt-get install -y glpk-utils). Prints, per instance, both optima
# (they must be equal), both times in milliseconds and the ratio glpsol / ours, then the
# totals. Our time is the best of 5 in-process runs; glpsol's is the wall time of one run
# of the command, including reading the LP file (that is how it is used).
set -eu
N=${1:-500}
COUNT=${2:-20}
cd "$(dirname "$0")/../.."
command -v glpsol >/dev/null || { echo "compare.sh: glpsol not found (apt-get install -y glpk-utils)" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go run ./bench/glpk -dir "$dir" -n "$N" -count "$COUNT" > "$dir/ours.tsv"
printf '%-22s %12s %12s %10s %10s %8s\n' instance ours glpsol ours_ms glpsol_ms ratio
fail=0
sum_ours=0
sum_glp=0
while IFS="$(printf '\t')" read -r lp obj ms; do
	start=$(date +%s%N)
	glpsol --lp "$lp" -o "$lp.out" >/dev/null 2>&1 || true
	end=$(date +%s%N)
	gms=$(echo "scale=3; ($end - $start) / 1000000" | bc)
	gobj=$(sed -n 's/^Objective: *[^=]*= *\([-0-9.eE+]*\).*/\1/p' "$lp.out" | head -n1)
	[ -n "$gobj" ] || gobj=infeasible
	if [ "$gobj" != infeasible ]; then gobj=$(printf '%.0f' "$gobj"); fi
	ratio=$(echo "scale=1; $gms / $ms" | bc)
	[ "$gobj" = "$obj" ] || { echo "MISMATCH on $lp: ours $obj, glpsol $gobj" >&2; fail=1; }
	printf '%-22s %12s %12s %10s %10s %7sx\n' "$(basename "$lp")" "$obj" "$gobj" "$ms" "$gms" "$ratio"
	sum_ours=$(echo "$sum_ours + $ms" | bc)
	sum_glp=$(echo "$sum_glp + $gms" | bc)
done < "$dir/ours.tsv"
printf 'total: ours %s ms, glpsol %s ms, glpsol/ours = %sx\n' "$sum_ours" "$sum_glp" "$(echo "scale=1; $sum_glp / $sum_ours" | bc)"
exit $fail
