#!/bin/sh
# calc-bench.sh OXT — 10,000 candidates recalculated headlessly with the
# add-in's eligibility function against the same rule as native IF/AND
# formulas; prints the times, the ratio and the per-call overhead (the
# time of loading and converting the data alone is subtracted from both).
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
t() {  # best of 3
  best=
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    run soffice --headless -env:UserInstallation="$profile" --convert-to csv --outdir "$tmp/home" "$tmp/home/$1.fods" >/dev/null
    e=$(date +%s.%N); d=$(echo "$e - $s" | bc)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
td=$(t data); ta=$(t addin); tn=$(t native)
ok=$(cut -d, -f6 "$tmp/home/addin.csv" | sort | uniq -c | tr '\n' ' ')
same=$(paste -d, "$tmp/home/addin.csv" "$tmp/home/native.csv" | awk -F, '$6 != $12' | wc -l)
echo "data only: ${td}s  add-in: ${ta}s  native IF/AND: ${tn}s  (best of 3, 10000 rows)"
echo "add-in results: $ok; rows where add-in and native differ: $same"
echo "recalculation: add-in $(echo "$ta - $td" | bc) s, native $(echo "$tn - $td" | bc) s"
echo "ratio (recalculation only): $(echo "scale=2; ($ta - $td) / ($tn - $td)" | bc)"
echo "ratio (whole conversion): $(echo "scale=2; $ta / $tn" | bc)"
echo "per-call overhead: $(echo "scale=2; ($ta - $tn) * 1000000 / 10000" | bc) us"
rm -rf "$tmp"
