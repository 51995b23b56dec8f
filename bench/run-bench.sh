#!/bin/bash
# `make bench`: batch-check BENCH_ROWS (default 1,000,000) generated
# candidate rows from CSV to a result CSV with reasons, and compare, in the
# same run, with the same rule written in awk (the obvious alternative) and
# with `wc -l` on the same file (the I/O floor).  Each command runs
# BENCH_REPEAT times (default 3); the best time counts.  The peak memory
# of one zhijiao run is reported too.  The decisions of
# zhijiao and awk are compared row by row, so the ratio compares equal work.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ZJ_CLI=${ZJ_CLI:-zhijiao}
AWK=${AWK:-awk}
rows=${BENCH_ROWS:-1000000}
repeat=${BENCH_REPEAT:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/zj-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

in="$work/candidates.csv"
"$AWK" -v n="$rows" -f "$here/gen-candidates.awk" > "$in"

# best wall time in seconds of a command, over $repeat runs
best() {
    local b="" t0 t1 t i
    for ((i = 0; i < repeat; i++)); do
        t0=$(date +%s.%N)
        "$@" > /dev/null
        t1=$(date +%s.%N)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
    done
    printf '%.3f' "$b"
}

t_zj=$(best "$ZJ_CLI" batch gtpy.admission "$in" --output "$work/zj.csv")
t_awk=$(best env LC_ALL=C.UTF-8 "$AWK" -f "$here/admission.awk" "$in")
LC_ALL=C.UTF-8 "$AWK" -f "$here/admission.awk" "$in" > "$work/awk.csv"
t_wc=$(best wc -l "$in")
# Peak resident memory of one zhijiao run (getrusage of the child: the
# libtool wrapper execs the real binary, so it is that process).
peak_kb=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
    "$ZJ_CLI" batch gtpy.admission "$in" --output "$work/zj-mem.csv")

# Same decisions?  The outcome is column 8 in both outputs (the input
# columns hold no commas or quotes).
tail -n +2 "$work/zj.csv" | cut -d, -f8 > "$work/zj.outcome"
tail -n +2 "$work/awk.csv" | cut -d, -f8 > "$work/awk.outcome"
if ! cmp -s "$work/zj.outcome" "$work/awk.outcome"; then
    echo "bench: zhijiao and awk disagree on some decisions:" >&2
    paste -d' ' "$work/zj.outcome" "$work/awk.outcome" | awk '$1 != $2' | sort | uniq -c | head >&2
    exit 1
fi

size_in=$(stat -c %s "$in")
size_out=$(stat -c %s "$work/zj.csv")
echo "rows:                 $rows (input $((size_in / 1048576)) MiB, result $((size_out / 1048576)) MiB)"
echo "zhijiao batch:        ${t_zj} s  ($(echo "$rows / $t_zj" | bc) rows/s)"
echo "awk (same rule):      ${t_awk} s"
echo "wc -l (I/O floor):    ${t_wc} s"
echo "awk / zhijiao:        $(echo "scale=2; $t_awk / $t_zj" | bc -l)x  (goal: >= 3x)"
echo "zhijiao / wc -l:      $(echo "scale=1; $t_zj / $t_wc" | bc -l)x  (goal: <= 10x)"
echo "peak memory:          $(echo "scale=1; $peak_kb / 1024" | bc -l) MiB  (goal: < 32 MiB for 1,000,000 rows)"
echo "decisions agree:      yes ($(sort "$work/zj.outcome" | uniq -c | sort -rn | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}'))"
