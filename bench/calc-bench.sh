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
run env ZJ_BENCH_DIR="$tmp/home" ZJ_BENCH_OUT="$tmp/home/times.txt" ZJ_CALC_PROFILE="$tmp/home/profile.txt" soffice --headless --norestore \
  -env:UserInstallation="$profile" 'vnd.sun.star.script:calc-recalc.py$recalc_times?language=Python&location=user' >/dev/null
if [ ! -s "$tmp/home/times.txt" ]; then echo "calc-bench: the timing script wrote nothing" >&2; rm -rf "$tmp"; exit 1; fi
ta=$(sed -n 's/^addin //p' "$tmp/home/times.txt"); tn=$(sed -n 's/^native //p' "$tmp/home/times.txt")
rows=$(sed -n 's/^rows //p' "$tmp/home/times.txt"); differ=$(sed -n 's/^differ //p' "$tmp/home/times.txt")
echo "hard recalculation of $rows rows (median of 7, one LibreOffice): add-in ${ta}s, native IF/AND ${tn}s"
echo "rows where the add-in and the native formula differ: $differ"
echo "ratio add-in / native: $(echo "scale=2; $ta / $tn" | bc)   (goal <= 2)"
echo "per-call overhead over native: $(echo "scale=2; ($ta - $tn) * 1000000 / $rows" | bc) us; add-in per call: $(echo "scale=2; $ta * 1000000 / $rows" | bc) us"
tt=$(sed -n 's/^table //p' "$tmp/home/times.txt"); tr=$(sed -n 's/^reasons //p' "$tmp/home/times.txt")
echo "whole table in one array formula (ZJ.CHECK.TABLE): eligible only ${tt}s, with outcome and reasons ${tr}s"
echo "rows where the table's eligible column and the native formula differ: $(sed -n 's/^differ_table //p' "$tmp/home/times.txt")"
echo "speed-up over native IF/AND: eligible only $(echo "scale=2; $tn / $tt" | bc)x (goal >= 3), with reasons $(echo "scale=2; $tn / $tr" | bc)x"
echo "the same array formula refused at once (LibreOffice's range-to-array conversion and the call alone): $(sed -n 's/^nullcall //p' "$tmp/home/times.txt")s"
# where a table call's time goes (median over the timed calls of each kind:
# arguments to values, the core's batch, decisions to the array)
awk 'NR > 1 && NR <= 8 { a[NR] = $2; b[NR] = $3; c[NR] = $4 }
     NR > 9 && NR <= 16 { d[NR] = $2; e[NR] = $3; f[NR] = $4 }
     function med(x,  n, i, j, t, v) { n = 0; for (i in x) v[++n] = x[i];
       for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
       return v[int((n + 1) / 2)] }
     END { printf "eligible only: arguments %.4fs, core %.4fs, result %.4fs\n", med(a), med(b), med(c);
           printf "with reasons:  arguments %.4fs, core %.4fs, result %.4fs\n", med(d), med(e), med(f) }' \
  "$tmp/home/profile.txt" 2>/dev/null || true
rm -rf "$tmp"
