#!/bin/sh
# `make installcheck`: build a program against the installed zhijiao with
# pkg-config, run it, and run the installed CLI's demo on the installed data.
# Usage: installcheck.sh SRCDIR PREFIX LIBDIR BINDIR CC
set -eu
srcdir=$1 prefix=$2 libdir=$3 bindir=$4 cc=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/zj-installcheck.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset ZHIJIAO_DATA
PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
# shellcheck disable=SC2046
$cc -o "$work/use-installed" "$srcdir/tests/install/use-installed.c" $(pkg-config --cflags --libs zhijiao)
LD_LIBRARY_PATH="$libdir" "$work/use-installed"
LD_LIBRARY_PATH="$libdir" "$bindir/zhijiao" demo --out "$work/demo" >/dev/null
test -s "$work/demo/summary.txt"
echo "installcheck: the installed library, headers, pkg-config file, CLI and data work (prefix $prefix)"
