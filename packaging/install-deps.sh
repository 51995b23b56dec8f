#!/bin/sh
# Installs every Debian 12 package zhijiao needs to build, test and
# benchmark.  Run as root (or through sudo).  Each package is here for a
# reason, given beside it; README.md explains the same list.
set -eu

BUILD="
  build-essential
  autoconf automake libtool pkg-config
  libjansson-dev
  libcsv-dev
  r-mathlib
"
# build-essential ... pkg-config : compiler and the autotools build
# libjansson-dev  : JSON rule files, the table manifest, the CLI's JSON output
# libcsv-dev      : RFC 4180 CSV parsing (quoted fields, embedded newlines)
# r-mathlib       : R's qbeta/qnorm/pchisq, so intervals match R to rounding

TEST="
  libcmocka-dev
  r-base-core
  clang libclang-rt-14-dev
  valgrind
  gawk bc
"
# libcmocka-dev   : the C unit-test framework
# r-base-core     : Rscript recomputes the reference intervals independently
# clang, libclang-rt-14-dev : libFuzzer and the ASan/UBSan runtime
# valgrind        : leak checks of the CLI
# gawk, bc        : the awk baseline and the arithmetic of `make bench`

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        exec sudo "$0" "$@"
    fi
    echo "install-deps.sh: run as root (or install sudo)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Only refresh the package lists when something is missing: keeps re-runs fast.
missing=""
for p in $BUILD $TEST; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
fi
echo "install-deps.sh: all packages present"
