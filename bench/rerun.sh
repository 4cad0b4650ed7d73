#!/usr/bin/env bash
# Re-run overhead: the time go vet and distlint take on unchanged code
# (every result cached), measured RUNS times each, interleaved, after one
# untimed run of each; medians of wall time and of CPU time (user + sys,
# which a busy machine disturbs less). Then the parts of distlint's fixed
# cost, measured alone. Prints a markdown table; docs/benchmarks.md keeps
# the results.
#
#   bench/rerun.sh [DIR [PATTERN...]]   # default: testdata/smoke, kafka-go/... (59 packages)
#   RUNS=9 DISTLINT=/path/to/distlint bench/rerun.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/testdata/smoke}
shift || true
patterns=("$@")
[ ${#patterns[@]} -gt 0 ] || patterns=(github.com/segmentio/kafka-go/...)
runs=${RUNS:-7}
work=$(mktemp -d /tmp/distlint-rerun.XXXXXX)
trap 'rm -rf "$work"' EXIT
distlint=${DISTLINT:-}
if [ -z "$distlint" ]; then
	(cd "$root" && go build -o "$work/distlint" ./cmd/distlint)
	distlint=$work/distlint
fi
cd "$dir"
export GOFLAGS=-mod=mod GOWORK=off

# timed NAME CMD...: appends "NAME wall cpu" (seconds) to $work/raw.
timed() {
	local name=$1
	shift
	/usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>&1 || true
	read -r e u s < <(tail -n 1 "$work/t")
	echo "$name $e $(echo "$u + $s" | bc)" >>"$work/raw"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v n="$1" -v c="$2" '{name=$1; for (i=2; i<=NF-2; i++) name=name" "$i; if (name==n) print $(NF-2+c)}' "$work/raw"; }

echo "warming the caches" >&2
go vet "${patterns[@]}" >/dev/null 2>&1 || true
"$distlint" -tests "${patterns[@]}" >/dev/null 2>&1 || true
: >"$work/raw"
for ((i = 1; i <= runs; i++)); do
	timed "go vet" go vet "${patterns[@]}"
	timed "distlint" "$distlint" -tests "${patterns[@]}"
	timed "go vet -vettool=distlint" go vet -vettool="$distlint" "${patterns[@]}"
	# The parts of distlint's fixed cost.
	timed "distlint -V=full" "$distlint" -V=full
	timed "go list (as distlint runs it)" go list -e -find -json=ImportPath,XTestGoFiles -- "${patterns[@]}"
	timed "go list without -find" go list -e -json=ImportPath,XTestGoFiles -- "${patterns[@]}"
	timed "go env GOFLAGS GOMOD" go env GOFLAGS GOMOD
done

vet_wall=$(col "go vet" 1 | median)
vet_cpu=$(col "go vet" 2 | median)
echo "$(go list "${patterns[@]}" 2>/dev/null | wc -l) packages (${patterns[*]}), $runs runs each, interleaved; medians"
echo
echo "| run | wall | CPU | wall / go vet | CPU / go vet |"
echo "|---|---|---|---|---|"
for name in "go vet" "distlint" "go vet -vettool=distlint" "distlint -V=full" "go list (as distlint runs it)" "go list without -find" "go env GOFLAGS GOMOD"; do
	w=$(col "$name" 1 | median)
	c=$(col "$name" 2 | median)
	printf '| %s | %.2fs | %.2fs | %.2f | %.2f |\n' "$name" "$w" "$c" "$(echo "$w / $vet_wall" | bc -l)" "$(echo "$c / $vet_cpu" | bc -l)"
done
