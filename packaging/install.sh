#!/bin/sh
# The README's first command: install the build dependencies, build the
# Debian packages (libzhijiao0, libzhijiao-dev, zhijiao,
# libreoffice-zhijiao, r-cran-zhijiao) from a copy of this tree, install
# them with apt -- the CLI, the Calc add-in for every user and the R
# package -- and run the main job, `zhijiao demo`, on the bundled data.
# Safe to run again.  `apt remove zhijiao libzhijiao0` takes it all away.
# The .debs are kept in build/debs/.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

sh packaging/install-deps.sh
out=$top/build/debs
rm -rf "$out" && mkdir -p "$out/src"
# a copy of the sources: dpkg-buildpackage writes next to the tree it builds
if [ -e .git ]; then
    git ls-files --cached --others --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$out/src"
else
    tar --exclude='./build*' --exclude=./autom4te.cache -cf - . | tar -xf - -C "$out/src"
fi
(cd "$out/src" && DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" dpkg-buildpackage -us -uc -b)
rm -rf "$out/src"
debs=""
for f in "$out"/*.deb; do case $f in *-dbgsym_*) ;; *) debs="$debs $f" ;; esac; done
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $debs

# The demo writes its results to a folder it names and prints.
zhijiao demo
