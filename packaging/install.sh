#!/bin/sh
# The README's first command: install the dependencies, build, install
# (under /usr/local) with the Calc add-in for the user, and run the main
# job, `zhijiao demo`, on the bundled data.  Safe to run again.
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

# The Calc add-in, for the user who runs this.  LibreOffice refuses
# per-user extensions for root: under sudo it goes to the user who called
# sudo; in a root session without sudo, to every user (--shared).
make oxt
sh "$top/packaging/install-oxt.sh" "$top/build/zhijiao.oxt"

cd "$top"
# The demo writes its results to a folder it names and prints.
zhijiao demo
