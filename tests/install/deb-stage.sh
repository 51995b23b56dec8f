#!/bin/sh
# deb-stage.sh — tests/run-all.sh's Debian stage, as CI runs it:
#   1. dpkg-buildpackage -us -uc -b in a scratch copy of the tree (with
#      nocheck: run-all.sh ran the same suite just before);
#   2. lintian on every package: any error fails;
#   3. apt-get install of the five packages;
#   4. debian/tests/installed (the installed-package test);
#   5. apt-get purge of everything step 3 installed, then no file may be
#      left in /usr or /etc that was not there before.
# A failure anywhere still purges and removes the scratch copy (trap).
# Needs root (or sudo).  Ends with "deb-stage: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
jobs=$(nproc 2>/dev/null || echo 2)
work=$(mktemp -d "${TMPDIR:-/tmp}/zj-deb.XXXXXX") || exit 2
chmod 755 "$work"
passed=0; failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
bad() { echo "FAIL - $*"; failed=$((failed + 1)); }
files() { find /usr /etc -xdev 2>/dev/null | LC_ALL=C sort; }
pkgs() { dpkg-query -W -f='${Package}\n' | LC_ALL=C sort; }
installed=""
purge() {
    [ -n "$installed" ] || return 0
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -qq $installed >"$work/purge.log" 2>&1
    st=$?; installed=""; return $st
}
cleanup() { purge; $SUDO rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 1' INT TERM

# 1. build from a copy of the sources (never in the tree: the .debs go to
#    the parent directory)
mkdir "$work/zhijiao"
if [ -d "$top/.git" ] || [ -f "$top/.git" ]; then
    (cd "$top" && git ls-files --cached --others --exclude-standard -z | tar --null -T - -cf -) |
        tar -xf - -C "$work/zhijiao"
else
    (cd "$top" && tar --exclude='./build*' --exclude=./autom4te.cache -cf - .) | tar -xf - -C "$work/zhijiao"
fi
t0=$(date +%s)
debs=""
if (cd "$work/zhijiao" && DEB_BUILD_OPTIONS="nocheck parallel=$jobs" dpkg-buildpackage -us -uc -b) \
        >"$work/build.log" 2>&1; then
    for f in "$work"/*.deb; do case $f in *-dbgsym_*) ;; *) debs="$debs $f" ;; esac; done
    ok "dpkg-buildpackage: $(echo $debs | wc -w) packages ($(($(date +%s) - t0)) s)"
else
    tail -n 40 "$work/build.log"; bad "dpkg-buildpackage"
    echo "deb-stage: $passed passed, $failed failed"; exit 1
fi

# 2. lintian
if lintian --fail-on error --tag-display-limit 0 "$work"/zhijiao_*.changes >"$work/lintian.log" 2>&1; then
    ok "lintian: no errors, $(grep -c '^W:' "$work/lintian.log") warnings"
else
    bad "lintian"
fi
grep '^[EW]:' "$work/lintian.log"

# 3. install with apt, as the README's first command does
files >"$work/files-before"
pkgs >"$work/pkgs-before"
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $debs >"$work/install.log" 2>&1
st=$?
pkgs >"$work/pkgs-after"
installed=$(LC_ALL=C comm -13 "$work/pkgs-before" "$work/pkgs-after" | tr '\n' ' ')
if [ $st = 0 ]; then ok "apt-get install: $installed"; else tail -n 20 "$work/install.log"; bad "apt-get install"; fi

# 4. the installed-package test
if [ $st = 0 ]; then
    if $SUDO sh "$top/debian/tests/installed"; then ok "debian/tests/installed"; else bad "debian/tests/installed"; fi
fi

# 5. purge: nothing left behind
if purge; then
    files >"$work/files-after"
    left=$(LC_ALL=C comm -13 "$work/files-before" "$work/files-after")
    if [ -z "$left" ] && [ ! -e /var/lib/zhijiao ]; then
        ok "apt-get purge leaves nothing in /usr, /etc or /var/lib/zhijiao"
    else
        bad "left behind after purge:"; echo "$left" | head -n 20
    fi
else
    tail -n 20 "$work/purge.log"; bad "apt-get purge"
fi
echo "deb-stage: $passed passed, $failed failed"
[ "$failed" = 0 ]
