#!/bin/sh
# The README's first command: install the dependencies, build, install
# (under /usr/local), and run the main job, `zhijiao demo`, on the bundled
# data.  Safe to run again.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh packaging/install-deps.sh
[ -x configure ] || autoreconf -fi
mkdir -p build
cd build
[ -f Makefile ] || ../configure --prefix=/usr/local
make -j"$(nproc)"
if [ "$(id -u)" -eq 0 ]; then
    make install
    ldconfig
else
    sudo make install
    sudo ldconfig
fi
cd "$top"
# The demo writes its results to a folder it names and prints.
zhijiao demo
