#!/bin/sh
# install-oxt.sh OXT — installs the Calc add-in with LibreOffice's unopkg,
# replacing an earlier version:
#   a normal user          for that user
#   root through sudo      for the user who called sudo ($SUDO_USER)
#   root without sudo      for every user of the machine (--shared)
# A user's first extension goes into a profile LibreOffice has already
# initialised; otherwise its first start would unregister the extension.
set -eu
oxt=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
UNOPKG=${UNOPKG:-/usr/lib/libreoffice/program/unopkg}
if [ ! -x "$UNOPKG" ] || ! command -v soffice >/dev/null 2>&1; then
    echo "install-oxt.sh: LibreOffice is not installed (Debian: libreoffice-calc); the add-in is not installed" >&2
    exit 0
fi

as_user() {   # as_user USER CMD...  (USER empty: the current user)
    u=$1; shift
    if [ -z "$u" ]; then "$@"; else runuser -u "$u" -- "$@"; fi
}

per_user() {
    u=$1
    home=$(as_user "$u" sh -c 'echo "$HOME"')
    if [ ! -d "$home/.config/libreoffice/4/user" ]; then
        as_user "$u" soffice --headless --terminate_after_init >/dev/null 2>&1 || true
    fi
    as_user "$u" "$UNOPKG" add --suppress-license --force "$oxt"
    echo "install-oxt.sh: zhijiao.oxt installed for ${u:-$(id -un)}"
}

if [ "$(id -u)" -ne 0 ]; then
    per_user ""
elif [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
    # the user must be able to read the file
    tmp=$(mktemp -d /tmp/zhijiao-oxt.XXXXXX)
    cp "$oxt" "$tmp/zhijiao.oxt"
    chmod 755 "$tmp"; chmod 644 "$tmp/zhijiao.oxt"
    oxt=$tmp/zhijiao.oxt
    per_user "$SUDO_USER"
    rm -rf "$tmp"
else
    "$UNOPKG" add --shared --suppress-license --force "$oxt"
    echo "install-oxt.sh: zhijiao.oxt installed for every user (--shared)"
fi
