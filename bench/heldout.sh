#!/bin/sh
# The held-out run (issue #14): distlint over the held-out half (round 16:
# bench/services27), once, when the rules are done. Writes bench/reports/heldout.md
# (earlier rounds' runs are kept in bench/reports/heldout-roundN.md)
# and appends a TODO line per finding to bench/verdicts/heldout.tsv (the
# triage template). Run from anywhere; not part of CI.
set -e
cd "$(dirname "$0")/.."
exec nice -n 10 go run ./bench/cmd/corpus -half heldout -triage "$@"
