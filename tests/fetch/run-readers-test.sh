#!/bin/sh
# run-readers-test.sh — readers never see half a snapshot.  Readers run
# `zhijiao table gtpy_plan_2023` in a loop while refreshes against the
# loopback mirror (127.0.0.1 only) commit new versions one after another,
# alternating between two states of the mirror (tests/fetch/gen-site.py's
# jw/ and jw-v2/: one row changed, one removed, one added).  Every read
# must succeed and print exactly one of the two complete tables; the
# readers must have seen both (they really ran across commits).
#
# Environment: ZJ_CLI (the zhijiao to test), ZJ_TEST_SRCDIR; ZJ_SNAPSHOT_DIR
# and ZJ_REFRESH (a command refreshing it from the base URL given as its
# argument) let tests/install test the installed service's snapshot
# instead of a scratch one.  Exit 77 when lighttpd or python3 is missing.
set -u
srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cli=${ZJ_CLI:?set ZJ_CLI to the zhijiao to test}
LIGHTTPD=$(command -v lighttpd || ls /usr/sbin/lighttpd 2>/dev/null || true)
if [ -z "$LIGHTTPD" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: needs lighttpd and python3"; exit 77
fi
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 LC_ALL=C.UTF-8

work=$(mktemp -d "${TMPDIR:-/tmp}/zj-readers.XXXXXX") || exit 2
chmod 755 "$work"
httpd=""
cleanup() {
    [ -n "$httpd" ] && kill "$httpd" 2>/dev/null && wait "$httpd" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

python3 "$srcdir/tests/fetch/gen-site.py" "$srcdir" "$work/site" >"$work/site.log" 2>&1 ||
    { cat "$work/site.log"; echo "FAIL gen-site.py"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/lighttpd.conf" <<EOC
server.document-root = "$work/site"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$work/lighttpd-error.log"
mimetype.assign = (".html" => "text/html", ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".pdf" => "application/pdf", ".doc" => "application/msword", ".txt" => "text/plain")
EOC
"$LIGHTTPD" -D -f "$work/lighttpd.conf" & httpd=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/robots.txt" && break; sleep 0.1; done

snap=${ZJ_SNAPSHOT_DIR:-$work/snap}
refresh() {   # refresh BASE-URL
    if [ -n "${ZJ_REFRESH:-}" ]; then
        $ZJ_REFRESH "$1"
    else
        "$cli" refresh --quiet --accept-removals --snapshot-dir "$snap" --cache-dir "$work/cache" --rate-limit 0 \
            --base-url "$1"
    fi >>"$work/refresh.log" 2>&1
    [ $? -le 1 ]    # 1: refreshed with warnings (the mirror's .pdf)
}
# the retrieval time of the rows changes with every refresh: left out
read_table() {
    ZHIJIAO_SNAPSHOT=$snap "$cli" table gtpy_plan_2023 >"$1" 2>&1
    st=$?
    sed -i 's/20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/TIME/g' "$1"
    echo "status $st" >>"$1"
}
A=http://127.0.0.1:$port/jw
B=http://127.0.0.1:$port/jw-v2

# A refresh that changes nothing against what is served writes no version:
# the year-on mirror first, so that both states below are refreshed
# versions whatever the snapshot held before (empty, or either state).
refresh "$B" || { cat "$work/refresh.log"; echo "FAIL priming refresh"; exit 1; }
refresh "$A" && read_table "$work/want-a" || { cat "$work/refresh.log"; echo "FAIL first refresh"; exit 1; }
refresh "$B" && read_table "$work/want-b" || { cat "$work/refresh.log"; echo "FAIL second refresh"; exit 1; }
if cmp -s "$work/want-a" "$work/want-b" || ! grep -q 'refreshed' "$work/want-a" ||
   ! grep -qx 'status 0' "$work/want-a"; then
    echo "FAIL the two states of the mirror must give two different refreshed tables"; exit 1
fi
chmod 644 "$work/want-a" "$work/want-b"

# reader N: one line per read, a, b or bad; stops when $work/stop exists
reader() {
    while [ ! -e "$work/stop" ]; do
        read_table "$work/got-$1"
        if cmp -s "$work/got-$1" "$work/want-a"; then echo a
        elif cmp -s "$work/got-$1" "$work/want-b"; then echo b
        else echo bad; cp "$work/got-$1" "$work/bad-$1"; fi
    done >"$work/reads-$1"
}
reader 1 & r1=$!
reader 2 & r2=$!
commits=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    if [ $((i % 2)) = 1 ]; then u=$A; else u=$B; fi
    refresh "$u" && commits=$((commits + 1))
    sleep 0.2   # a read (~60 ms) never spans two commits: each sees CURRENT or PREVIOUS
done
touch "$work/stop"
wait "$r1" "$r2"

reads=$(cat "$work"/reads-* | wc -l)
a=$(cat "$work"/reads-* | grep -c '^a$')
b=$(cat "$work"/reads-* | grep -c '^b$')
bad=$(cat "$work"/reads-* | grep -c '^bad$')
echo "# $commits commits, $reads reads: $a of one version, $b of the other, $bad incomplete or failed"
if [ "$commits" = 12 ] && [ "$bad" = 0 ] && [ "$a" -gt 0 ] && [ "$b" -gt 0 ]; then
    echo "ok readers-never-see-half-a-snapshot"
    exit 0
fi
echo "FAIL readers-never-see-half-a-snapshot"
cat "$work"/bad-* 2>/dev/null | head -20
tail -n 20 "$work/refresh.log"
exit 1
