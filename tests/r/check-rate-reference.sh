#!/bin/sh
# check-rate-reference.sh — does R still give the committed reference?
#
# Regenerates tests/data/rate_reference.csv and rate_diff_reference.csv
# with tests/r/gen-rate-reference.R into a temporary directory and compares
# them with the committed files: the same rows, text columns equal, numeric
# columns within 1e-12 (NaN only against NaN).  Exit 0 when they agree,
# 1 when they differ (listing the differences), 77 (automake's "skipped")
# when there is no Rscript.
#
# Environment: RSCRIPT (default: Rscript from PATH), ZJ_TEST_SRCDIR (the
# source tree; default: two directories above this script).

set -u

srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
rscript=${RSCRIPT:-Rscript}
tol=1e-12

if ! command -v "$rscript" >/dev/null 2>&1; then
    echo "check-rate-reference: no Rscript ($rscript), skipped"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zj-rate-ref.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

if ! "$rscript" "$srcdir/tests/r/gen-rate-reference.R" "$tmp" >"$tmp/log" 2>&1
then
    echo "check-rate-reference: the R script failed:"
    cat "$tmp/log"
    exit 1
fi
# The design references need the survey package (r-cran-survey).
if ! "$rscript" "$srcdir/tests/r/gen-design-reference.R" "$tmp" >"$tmp/log" 2>&1
then
    echo "check-rate-reference: tests/r/gen-design-reference.R failed:"
    cat "$tmp/log"
    exit 1
fi

# compare COMMITTED FRESH: prints each difference, exits 1 if any.
compare() {
    awk -F, -v tol="$tol" -v name="$(basename "$1")" '
        function isnum(s) {
            return s ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/
        }
        function bad(msg) {
            if (++nbad <= 50) print name ": " msg
        }
        NR == FNR { want[FNR] = $0; nwant = FNR; next }
        {
            ngot = FNR
            if (!(FNR in want)) { bad("line " FNR " is new: " $0); next }
            nw = split(want[FNR], w, ",")
            if (nw != NF) { bad("line " FNR ": " want[FNR] " -> " $0); next }
            for (i = 1; i <= NF; i++) {
                if (w[i] == $i) continue
                if (isnum(w[i]) && isnum($i)) {
                    d = w[i] - $i
                    if (d < 0) d = -d
                    if (d <= tol + 0) continue
                }
                bad("line " FNR ", column " i ": committed " w[i] \
                    ", R now gives " $i)
            }
        }
        END {
            if (ngot != nwant)
                bad("committed file has " nwant " lines, R now gives " ngot)
            if (nbad > 50) print name ": ... " nbad " differences in all"
            exit nbad > 0
        }' "$1" "$2"
}

status=0
for f in rate_reference.csv rate_diff_reference.csv cluster_reference.csv \
         fpc_reference.csv; do
    if [ ! -f "$srcdir/tests/data/$f" ]; then
        echo "check-rate-reference: tests/data/$f is missing"
        status=1
    elif ! compare "$srcdir/tests/data/$f" "$tmp/$f"; then
        status=1
    fi
done
if [ "$status" -eq 0 ]; then
    echo "check-rate-reference: the committed references match R"
fi
exit "$status"
