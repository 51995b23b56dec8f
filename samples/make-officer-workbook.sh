#!/bin/sh
# make-officer-workbook.sh OXT [OUT.fods] — regenerates the officer's
# workbook (samples/zhijiao-officer.fods): installs OXT into a throwaway
# profile and runs make-officer-workbook.py inside a headless LibreOffice.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
oxt=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=${2:-$here/zhijiao-officer.fods}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
data=$(cd "${ZHIJIAO_DATA:-$here/../data}" && pwd)
tmp=$(mktemp -d /tmp/zj-workbook.XXXXXX)
chmod 755 "$tmp"; mkdir -p "$tmp/home"
as_user=""
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"; chown 65534 "$tmp/home"; fi
cp "$oxt" "$tmp/zhijiao.oxt"; chmod 644 "$tmp/zhijiao.oxt"
profile="file://$tmp/home/profile"
run() { $as_user env HOME="$tmp/home" ZJ_WB_DATA="$data" ZJ_WB_OUT="$tmp/home/out.fods" "$@" 2>&1 | grep -v javaldx || true; }
run soffice --headless --terminate_after_init -env:UserInstallation="$profile"
run /usr/lib/libreoffice/program/unopkg add -s -env:UserInstallation="$profile" "$tmp/zhijiao.oxt"
mkdir -p "$tmp/home/profile/user/Scripts/python"
cp "$here/make-officer-workbook.py" "$tmp/home/profile/user/Scripts/python/"
[ -n "$as_user" ] && chown -R 65534 "$tmp/home/profile/user/Scripts"
run soffice --headless --norestore -env:UserInstallation="$profile" \
  'vnd.sun.star.script:make-officer-workbook.py$build_workbook?language=Python&location=user'
rc=1
cat "$tmp/home/out.fods.err" 2>/dev/null || true
if [ -s "$tmp/home/out.fods" ]; then cp "$tmp/home/out.fods" "$out" && echo "$out" && rc=0; fi
rm -rf "$tmp"
exit "$rc"
