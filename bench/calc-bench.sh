#!/bin/sh
# calc-bench.sh OXT — 10,000 candidates recalculated headlessly with the
# add-in's eligibility function against the same rule as native IF/AND
# formulas; prints the times, the ratio and the per-call overhead.  The
# recalculations are timed inside one LibreOffice (calc-recalc.py), so its
# start-up does not drown the difference.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
oxt=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d /tmp/zj-calc-bench.XXXXXX); chmod 755 "$tmp"; mkdir -p "$tmp/home"
as_user=""
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
/usr/bin/python3 "$here/calc-bench.py" "$tmp/home"
cp "$oxt" "$tmp/zhijiao.oxt"; chmod -R a+rX "$tmp"
[ -n "$as_user" ] && chown -R 65534 "$tmp/home"
profile="file://$tmp/home/profile"
run() { $as_user env HOME="$tmp/home" "$@" 2>&1 | grep -v javaldx || true; }
run soffice --headless --terminate_after_init -env:UserInstallation="$profile" >/dev/null
run /usr/lib/libreoffice/program/unopkg add -s -env:UserInstallation="$profile" "$tmp/zhijiao.oxt"
mkdir -p "$tmp/home/profile/user/Scripts/python"
cp "$here/calc-recalc.py" "$tmp/home/profile/user/Scripts/python/"
[ -n "$as_user" ] && chown -R 65534 "$tmp/home"
run env ZJ_BENCH_DIR="$tmp/home" ZJ_BENCH_OUT="$tmp/home/times.txt" soffice --headless --norestore \
  -env:UserInstallation="$profile" 'vnd.sun.star.script:calc-recalc.py$recalc_times?language=Python&location=user' >/dev/null
if [ ! -s "$tmp/home/times.txt" ]; then echo "calc-bench: the timing script wrote nothing" >&2; rm -rf "$tmp"; exit 1; fi
ta=$(sed -n 's/^addin //p' "$tmp/home/times.txt"); tn=$(sed -n 's/^native //p' "$tmp/home/times.txt")
rows=$(sed -n 's/^rows //p' "$tmp/home/times.txt"); differ=$(sed -n 's/^differ //p' "$tmp/home/times.txt")
echo "hard recalculation of $rows rows (median of 7, one LibreOffice): add-in ${ta}s, native IF/AND ${tn}s"
echo "rows where the add-in and the native formula differ: $differ"
echo "ratio add-in / native: $(echo "scale=2; $ta / $tn" | bc)   (goal <= 2)"
echo "per-call overhead over native: $(echo "scale=2; ($ta - $tn) * 1000000 / $rows" | bc) us; add-in per call: $(echo "scale=2; $ta * 1000000 / $rows" | bc) us"
rm -rf "$tmp"
