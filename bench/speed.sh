#!/usr/bin/env bash
# Speed and memory of distlint against go build, go vet and staticcheck on
# the corpus packages (bench/corpus), cold (fresh GOCACHE) and warm, with
# peak RSS from /usr/bin/time -v. Each measurement is the median of RUNS
# runs. Writes docs/benchmarks.md. Not part of CI: a full run takes about
# an hour on 2 cores.
#
# Usage, from the repository root:
#
#	bench/speed.sh                 # RUNS=3, all corpus packages
#	RUNS=1 PKGS="github.com/IBM/sarama/..." bench/speed.sh   # quick look
#	STATICCHECK_RUNS=1 bench/speed.sh  # staticcheck is slow and only a reference
#	SKIP_STATICCHECK_RERUN=1 ...       # and its re-run fills a cache first
#	WARM_RUNS=1 VETTOOL_RUNS=1 ...     # fewer runs of the warm and re-run
#	                                   # rows, and of go vet -vettool cold
#	ONLY="go vet|distlint|go vet -vettool=distlint" MODES=cold bench/speed.sh
#	                               # only these tools and cache modes (|-separated;
#	                               # the report shows the rest as not measured)
#	REUSE=raw.txt bench/speed.sh   # keep runs already measured (the raw
#	                               # lines of an interrupted run), do the rest
#	INTERLEAVE=1 ...               # cold rows one run of each tool at a
#	                               # time (vet, distlint, vet, distlint...), so
#	                               # a machine that slows down mid-run weighs
#	                               # on both tools alike
#
# The raw lines are kept in /tmp/distlint-speed-raw.txt when the script
# ends, so an interrupted run can be resumed with REUSE (and the
# per-process peaks in /tmp/distlint-speed-peaks.txt; REUSE_PEAKS reads
# them back).
#
# Peak RSS comes two ways. /usr/bin/time reports the largest process of
# the whole tree, which on the corpus is a compile of some package's
# tests, the same under every tool. bench/cmd/peaks samples /proc while a
# run goes and records the largest peak (VmHWM) of the processes that do
# the analysis (vet for go vet, distlint for distlint) and of the
# compiler, so the report can compare the analysis processes themselves.
#
# distlint runs with -tests: go vet checks test files (the packages' test
# variants) too, so this compares the same work.
#
# Needs: Go, /usr/bin/time (Debian package "time"); it installs
# staticcheck v0.8.2 into a temporary GOBIN with go install.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/bench/corpus
out=${OUT:-$root/docs/benchmarks.md}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/distlint-speed.XXXXXX)
trap 'cp "$work/raw" "${TMPDIR:-/tmp}/distlint-speed-raw.txt" 2>/dev/null; cp "$work/peakraw" "${TMPDIR:-/tmp}/distlint-speed-peaks.txt" 2>/dev/null; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

if [ -n "${REPORT_ONLY:-}" ]; then
	# Only write the report from the REUSE lines.
	[ -n "${REUSE:-}" ] || { echo "speed.sh: REPORT_ONLY needs REUSE" >&2; exit 2; }
	cp "$REUSE" "$work/raw"
	if [ -n "${REUSE_PEAKS:-}" ]; then cp "$REUSE_PEAKS" "$work/peakraw"; else : >"$work/peakraw"; fi
	mapfile -t pkgs < <(cd "$root" && go run ./bench/cmd/corpus -list)
fi
if [ -z "${REPORT_ONLY:-}" ]; then
echo "building distlint and installing staticcheck v0.8.2" >&2
(cd "$root" && go build -o "$work/bin/distlint" ./cmd/distlint && go build -o "$work/bin/peaks" ./bench/cmd/peaks)
GOBIN=$work/bin go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
distlint=$work/bin/distlint
peaks=$work/bin/peaks
staticcheck=$work/bin/staticcheck

if [ -n "${PKGS:-}" ]; then
	read -r -a pkgs <<<"$PKGS"
else
	mapfile -t pkgs < <(cd "$root" && go run ./bench/cmd/corpus -list)
fi
echo "${#pkgs[@]} packages, $runs runs per measurement" >&2

# measure NAME CACHE-MODE CMD...: runs CMD in the corpus module RUNS times
# and appends "NAME seconds maxrss_kib exit" per run to $work/raw.
#   CACHE-MODE cold: a fresh, empty GOCACHE (and staticcheck cache) each run
#   CACHE-MODE build: a copy of a GOCACHE filled by go build only
#   CACHE-MODE rerun: the shared warm cache, after one untimed run
measure() {
	local name=$1 mode=$2
	shift 2
	local i cache done runs=$runs
	if [ -n "${ONLY:-}" ] && [[ "|$ONLY|" != *"|$name|"* ]]; then return 0; fi
	if [ -n "${MODES:-}" ] && [[ "|$MODES|" != *"|$mode|"* ]]; then return 0; fi
	# staticcheck is a reference point, and slow: STATICCHECK_RUNS may
	# measure it fewer times.
	[ "$name" = staticcheck ] && runs=${STATICCHECK_RUNS:-$runs}
	[ "$mode" != cold ] && runs=${WARM_RUNS:-$runs}
	[ "$name" = "go vet -vettool=distlint" ] && [ "$mode" = cold ] && runs=${VETTOOL_RUNS:-$runs}
	# INTERLEAVE: measure at most UPTO runs now (the caller's round).
	[ -n "${UPTO:-}" ] && [ "$UPTO" -lt "$runs" ] && runs=$UPTO
	# Runs already measured (REUSE) count toward RUNS.
	done=$(awk -v n="$name" -v m="$mode" '{name=$1; for (i=2; i<=NF-3; i++) name=name" "$i; if (name==n && $(NF-2)==m) c++} END {print c+0}' "$work/raw")
	[ "$done" -ge "$runs" ] && return 0
	if [ "$mode" = rerun ]; then
		# One untimed run fills the results cache, starting from the
		# build cache that go build filled.
		[ -d "$work/warm" ] || cp -a "$work/buildcache" "$work/warm"
		(cd "$corpus" && GOCACHE=$work/warm STATICCHECK_CACHE=$work/warm-sc "$@" >/dev/null 2>&1) || true
	fi
	for ((i = done + 1; i <= runs; i++)); do
		case $mode in
		cold) cache=$work/cold-$name-$i; rm -rf "$cache" ;;
		build) cache=$work/copy-$name-$i; rm -rf "$cache"; cp -a "$work/buildcache" "$cache" ;;
		rerun) cache=$work/warm ;;
		esac
		local sc=$cache-sc
		[ "$mode" = rerun ] && sc=$work/warm-sc
		local t0 t1 code=0
		t0=$(date +%s.%N)
		(cd "$corpus" && GOCACHE=$cache STATICCHECK_CACHE=$sc /usr/bin/time -v -o "$work/time.txt" "$peaks" -every 50ms -o "$work/peaks.txt" -comm vet,distlint,compile -- "$@" >/dev/null 2>"$work/stderr.txt") || code=$?
		t1=$(date +%s.%N)
		local rss
		rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
		# go vet and distlint exit 1 on findings; anything else is a failure.
		if [ "$code" -gt 1 ] && ! grep -q "Command exited with non-zero status 1" "$work/time.txt"; then
			echo "$name ($mode) failed with exit $code:" >&2
			head -5 "$work/stderr.txt" >&2
		fi
		awk -v n="$name" -v m="$mode" -v i="$i" '{print n, m, i, $1, $2, $3}' "$work/peaks.txt" >>"$work/peakraw"
		printf '%s %s %s %s\n' "$name" "$mode" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')" "$rss" >>"$work/raw"
		echo "  $name $mode run $i: $(tail -1 "$work/raw" | awk '{print $(NF-1) "s, " int($NF/1024) " MiB"}')" >&2
		echo "    per process: $(awk '{printf "%s %d MiB (%d)  ", $1, $2/1024, $3}' "$work/peaks.txt")" >&2
		if [ "$mode" != rerun ]; then chmod -R u+w "$cache" 2>/dev/null || true; rm -rf "$cache" "$sc"; fi
	done
}

: >"$work/raw"
: >"$work/peakraw"
if [ -n "${REUSE:-}" ]; then
	cp "$REUSE" "$work/raw"
fi
if [ -n "${REUSE_PEAKS:-}" ]; then
	cp "$REUSE_PEAKS" "$work/peakraw"
fi
echo "cold runs" >&2
cold() {
	measure "go build" cold go build "${pkgs[@]}"
	measure "go vet" cold go vet "${pkgs[@]}"
	measure "staticcheck" cold "$staticcheck" "${pkgs[@]}"
	measure "distlint" cold "$distlint" -tests "${pkgs[@]}"
	measure "go vet -vettool=distlint" cold go vet -vettool="$distlint" "${pkgs[@]}"
}
if [ -n "${INTERLEAVE:-}" ]; then
	for ((round = 1; round <= runs; round++)); do UPTO=$round cold; done
else
	cold
fi

echo "warm build cache (filled by go build; no analysis results cached)" >&2
if [ -z "${MODES:-}" ] || [[ "|$MODES|" == *"|build|"* || "|$MODES|" == *"|rerun|"* ]]; then
	(cd "$corpus" && GOCACHE=$work/buildcache go build "${pkgs[@]}") || true # exit 1 on packages it cannot build
fi
measure "go vet" build go vet "${pkgs[@]}"
measure "staticcheck" build "$staticcheck" "${pkgs[@]}"
measure "distlint" build "$distlint" -tests "${pkgs[@]}"
measure "go vet -vettool=distlint" build go vet -vettool="$distlint" "${pkgs[@]}"

echo "re-runs on unchanged code (everything cached)" >&2
measure "go vet" rerun go vet "${pkgs[@]}"
[ -n "${SKIP_STATICCHECK_RERUN:-}" ] || measure "staticcheck" rerun "$staticcheck" "${pkgs[@]}"
measure "distlint" rerun "$distlint" -tests "${pkgs[@]}"
measure "go vet -vettool=distlint" rerun go vet -vettool="$distlint" "${pkgs[@]}"

fi # REPORT_ONLY

# Medians and the report.
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# column NAME MODE K: field K from the end (1: peak RSS, 2: seconds) of the runs of NAME in MODE
column() {
	awk -v n="$1" -v m="$2" -v k="$3" '{name=$1; for (i=2; i<=NF-3; i++) name=name" "$i; if (name==n && $(NF-2)==m) print $(NF-k+1)}' "$work/raw" | median
}
secs() { local v; v=$(column "$1" "$2" 2); echo "${v:-not measured}"; }
rss() { column "$1" "$2" 1 | awk '{print int($1/1024)}'; }
# proc TOOL MODE COMM: median over runs of the peak of the COMM processes, MiB
# (peakraw lines: tool words, mode, run, comm, KiB, count)
proc() {
	awk -v n="$1" -v m="$2" -v c="$3" '{name=$1; for (i=2; i<=NF-5; i++) name=name" "$i; if (name==n && $(NF-4)==m && $(NF-2)==c && $(NF-1)>0) print $(NF-1)}' "$work/peakraw" | median | awk '{print int($1/1024)}'
}
# cell VALUE UNIT: a table cell, the unit only after a measured value
cell() { case $1 in "" | "not measured") echo "not measured" ;; *) echo "$1$2" ;; esac; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) print "not measured"; else printf "%.2f", a / b}'; }

cores=$(nproc)
mem=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')
goversion=$(go version | awk '{print $3}')
{
	echo "# Benchmarks"
	echo
	echo "Generated by \`bench/speed.sh\` on $(date -u +%Y-%m-%d): $cores cores, $mem memory, $goversion,"
	echo "${#pkgs[@]} corpus packages (\`go run ./bench/cmd/corpus -list\`), median of $runs runs"
	echo "(staticcheck, a reference point: ${STATICCHECK_RUNS:-$runs}),"
	echo "peak RSS of the largest process (\`/usr/bin/time -v\`)."
	echo
	echo "| tool | cold: time | cold: peak RSS | warm build cache: time | warm: peak RSS | re-run: time |"
	echo "|---|---|---|---|---|---|"
	for tool in "go build" "go vet" "staticcheck" "distlint" "go vet -vettool=distlint"; do
		if [ "$tool" = "go build" ]; then
			echo "| $tool | $(cell "$(secs "$tool" cold)" s) | $(cell "$(rss "$tool" cold)" " MiB") | | | |"
		else
			echo "| $tool | $(cell "$(secs "$tool" cold)" s) | $(cell "$(rss "$tool" cold)" " MiB") | $(cell "$(secs "$tool" build)" s) | $(cell "$(rss "$tool" build)" " MiB") | $(secs "$tool" rerun) |"
		fi
	done
	echo
	echo "Targets (ratios from this run):"
	echo
	echo "| target | ratio | goal |"
	echo "|---|---|---|"
	echo "| distlint cold time / go vet cold time | $(ratio "$(secs distlint cold)" "$(secs "go vet" cold)") | ≤ 1.0 |"
	echo "| distlint cold peak RSS / go vet cold peak RSS | $(ratio "$(rss distlint cold)" "$(rss "go vet" cold)") | ≤ 1.0 |"
	echo "| vettool warm / go vet warm | $(ratio "$(secs "go vet -vettool=distlint" build)" "$(secs "go vet" build)") | ≤ 1.2 |"
	echo "| vettool re-run / go vet re-run | $(ratio "$(secs "go vet -vettool=distlint" rerun)" "$(secs "go vet" rerun)") | ≤ 1.2 |"
	echo "| distlint re-run / go vet re-run | $(ratio "$(secs distlint rerun)" "$(secs "go vet" rerun)") | ≤ 1.2 |"
	echo "| distlint warm / vettool warm | $(ratio "$(secs distlint build)" "$(secs "go vet -vettool=distlint" build)") | ≤ 1.3 |"
	echo "| distlint cold: peak RSS of a distlint process / of a vet process under go vet | $(ratio "$(proc distlint cold distlint)" "$(proc "go vet" cold vet)") | ≤ 1.0 |"
	echo "| staticcheck cold time / go vet cold time (reference) | $(ratio "$(secs staticcheck cold)" "$(secs "go vet" cold)") | |"
	echo
	echo "Peak RSS per process (bench/cmd/peaks, median over runs of the largest"
	echo "process of that name in a run; the analysis runs as vet under go vet and"
	echo "as distlint under distlint and -vettool):"
	echo
	echo "| tool | mode | vet | distlint | compile |"
	echo "|---|---|---|---|---|"
	for tool in "go vet" "distlint" "go vet -vettool=distlint"; do
		for mode in cold build rerun; do
			[ -n "$(proc "$tool" "$mode" compile)" ] || continue
			echo "| $tool | $mode | $(cell "$(proc "$tool" "$mode" vet)" " MiB") | $(cell "$(proc "$tool" "$mode" distlint)" " MiB") | $(cell "$(proc "$tool" "$mode" compile)" " MiB") |"
		done
	done
	echo
	echo "Raw runs (tool, cache mode, seconds, peak RSS KiB):"
	echo
	echo '```'
	cat "$work/raw"
	echo '```'
	echo
	echo "Per-process peaks (tool, cache mode, run, process name, peak KiB, processes seen):"
	echo
	echo '```'
	cat "$work/peakraw"
	echo '```'
} >"$out"
echo "wrote $out" >&2
