#!/bin/bash
# `make bench-fetch`: `zhijiao refresh` against a generated catalog (50
# list pages, 200 notices, 200 .xlsx attachments) served on 127.0.0.1 by
# tests/fetch/fault_server.py with 50 ms added to every response, the
# per-host rate limit lifted for that mirror (--rate-limit 0):
#
#   cold, multi       empty cache, libcurl multi interface (--parallel/--per-host 64),
#                     3 runs, each with an empty cache of its own
#   cold, sequential  empty cache, one request at a time (--parallel 1 --per-host 1),
#                     1 run (it takes about 25 s)
#   warm              every response a 304 from the conditional-GET cache, 3 runs
#
# Goals: cold multi at least 4x faster than sequential; warm under 1 s;
# peak memory (resident, /usr/bin/time's maximum RSS) under 100 MB in
# every run; the times judged on the median of the runs (this machine is shared: one run
# can be slowed down by whatever else runs).  Every run's time is printed.
# In a build tree the program behind libtool's wrapper script is timed
# (what `make install` installs): the wrapper starts a shell, sed and ls
# before it on every run.  Exits 1 if a goal is missed.
# Environment: ZJ_CLI (the built zhijiao), ZJ_TEST_SRCDIR (source tree),
# BENCH_PAGES, BENCH_ARTICLES, BENCH_DELAY_MS (defaults 50, 200, 50).
set -u
src=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
cli=${ZJ_CLI:-zhijiao}
pages=${BENCH_PAGES:-50}
arts=${BENCH_ARTICLES:-200}
delay=${BENCH_DELAY_MS:-50}
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 LC_ALL=C.UTF-8

work=$(mktemp -d "${TMPDIR:-/tmp}/zj-fetch-bench.XXXXXX") || exit 2
spid=""
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$work"' EXIT
python3 "$src/tests/fetch/gen-site.py" "$src" "$work/site" --bench "$pages" "$arts" || exit 2
python3 "$src/tests/fetch/fault_server.py" "$work/port" "$work/site" "$delay" 2>/dev/null &
spid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
base=http://127.0.0.1:$(cat "$work/port")/site/cat

lt=$(dirname "$cli")/../libtool
if [ -x "$lt" ] && head -n 3 "$cli" 2>/dev/null | grep -q 'wrapper script'; then
    resolved=$("$lt" --mode=execute sh -c 'printf "%s\n%s\n" "$1" "$LD_LIBRARY_PATH"' sh "$cli") || exit 2
    cli=$(printf '%s\n' "$resolved" | sed -n 1p)
    LD_LIBRARY_PATH=$(printf '%s\n' "$resolved" | sed -n 2p)
    export LD_LIBRARY_PATH
fi

run() {   # label, cache dir, extra options...
    local label=$1 cache=$2 t0 t1 st
    shift 2
    t0=$(date +%s.%N)
    timed "$work/rss.$label.$RANDOM" "$cli" refresh --dry-run --quiet --rate-limit 0 --max-pages "$pages" --base-url "$base" \
        --cache-dir "$cache" --snapshot-dir "$work/snap" --lang en "$@" >"$work/out.$label" 2>&1
    st=$?
    t1=$(date +%s.%N)
    if [ "$st" -gt 1 ]; then
        echo "fetch-bench: $label failed (status $st):" >&2
        tail -n 5 "$work/out.$label" >&2
        exit 1
    fi
    echo "$t1 - $t0" | bc -l
}
# the peak resident memory of each run, in kB, one file per run
[ -x /usr/bin/time ] || echo "fetch-bench: /usr/bin/time not found (Debian: time): peak memory not measured" >&2
timed() {   # file, command...: runs the command, its peak RSS (kB) into file
    local f=$1
    shift
    if [ -x /usr/bin/time ]; then /usr/bin/time -f %M -o "$f" "$@"; else "$@"; fi
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
runs() { printf ' %.2f' "$@"; }

m1=$(run multi "$work/c1" --parallel 64 --per-host 64)
m2=$(run multi "$work/c1b" --parallel 64 --per-host 64)
m3=$(run multi "$work/c1c" --parallel 64 --per-host 64)
seq=$(run sequential "$work/c2" --parallel 1 --per-host 1)
w1=$(run warm "$work/c1" --parallel 64 --per-host 64)
w2=$(run warm "$work/c1" --parallel 64 --per-host 64)
w3=$(run warm "$work/c1" --parallel 64 --per-host 64)
multi=$(median "$m1" "$m2" "$m3")
warm=$(median "$w1" "$w2" "$w3")
reqs=$(sed -n 's/^HTTP: \([0-9]*\) requests.*/\1/p' "$work/out.multi")
wreqs=$(sed -n 's/^HTTP: \([0-9]*\) requests.*/\1/p' "$work/out.warm")
hits=$(sed -n 's/^HTTP: [0-9]* requests, \([0-9]*\) from the cache.*/\1/p' "$work/out.warm")
printf 'catalog: %d list pages, %d notices, %d attachments; %d ms per response; %s requests\n' \
    "$pages" "$arts" "$arts" "$delay" "$reqs"
printf 'timing: %s\n' "$cli"
printf 'cold, multi interface:  %6.2f s  (median of%s)\n' "$multi" "$(runs "$m1" "$m2" "$m3")"
printf 'cold, sequential:       %6.2f s\n' "$seq"
printf 'warm (all 304):         %6.2f s  (median of%s; %s requests, %s answered from the cache)\n' \
    "$warm" "$(runs "$w1" "$w2" "$w3")" "$wreqs" "$hits"
peak=$(cat "$work"/rss.* 2>/dev/null | sort -n | tail -n 1)
if [ -n "$peak" ]; then
    printf 'peak memory:            %6.1f MB  (the largest of all runs; goal < 100 MB)\n' "$(echo "$peak / 1024" | bc -l)"
fi
speed=$(echo "$seq / $multi" | bc -l)
printf 'speed-up: %.1fx (goal >= 4x)\n' "$speed"
ok=0
[ "$(echo "$speed >= 4" | bc -l)" = 1 ] || { echo "fetch-bench: cold multi is not 4x faster than sequential"; ok=1; }
[ "$(echo "$warm < 1" | bc -l)" = 1 ] || { echo "fetch-bench: warm refresh is not under 1 s"; ok=1; }
[ -z "$peak" ] || [ "$peak" -lt 102400 ] || { echo "fetch-bench: peak memory is not under 100 MB"; ok=1; }
[ "$ok" = 0 ] && echo "fetch-bench: all goals met"
exit "$ok"
