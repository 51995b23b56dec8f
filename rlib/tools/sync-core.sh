#!/bin/sh
# sync-core.sh — copy the core's C sources and the bundled data into an R
# package tree, so that the package tarball carries everything it needs.
#
# usage: sync-core.sh TOP_SRCDIR PKGDIR
#   TOP_SRCDIR  the zhijiao source tree (holds core/ and data/)
#   PKGDIR      the R package directory to fill (a copy of rlib/, never the
#               source tree during `make distcheck`)
#
# Copies   core/<layer>/*.[ch]               -> PKGDIR/src/      (flattened)
#          core/include/**                    -> PKGDIR/src/include/
#          data/{tables.json,rules,tables,samples} -> PKGDIR/inst/extdata/
# The copies are build products (rlib/.gitignore lists them).  The R glue
# files in src/ are named r_*.c / init.c and are never overwritten.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 TOP_SRCDIR PKGDIR" >&2
    exit 2
fi
top=$1
pkg=$2
if [ ! -f "$top/core/include/zhijiao.h" ]; then
    echo "sync-core.sh: $top is not the zhijiao source tree" >&2
    exit 2
fi
if [ ! -f "$pkg/DESCRIPTION" ]; then
    echo "sync-core.sh: $pkg is not an R package directory" >&2
    exit 2
fi

src=$pkg/src
list=$pkg/tools/core-files.txt
# Remove earlier copies (the list of core files may have changed).
if [ -f "$list" ]; then
    while IFS= read -r f; do
        rm -f "$src/$f"
    done < "$list"
fi
rm -rf "$src/include" "$pkg/inst/extdata"
mkdir -p "$pkg/tools"
: > "$list"

for f in "$top"/core/*/*.c "$top"/core/*/*.h; do
    [ -f "$f" ] || continue
    case $f in "$top"/core/include/*) continue ;; esac
    b=$(basename "$f")
    case $b in
        init.c|r_*)
            echo "sync-core.sh: core file $b clashes with the R glue" >&2
            exit 1 ;;
    esac
    if grep -qx "$b" "$list"; then
        echo "sync-core.sh: two core files are named $b" >&2
        exit 1
    fi
    cp "$f" "$src/$b"
    echo "$b" >> "$list"
done
mkdir -p "$src/include"
cp -R "$top/core/include/." "$src/include/"

mkdir -p "$pkg/inst/extdata"
cp "$top/data/tables.json" "$pkg/inst/extdata/"
cp "$top/data/README.md" "$pkg/inst/extdata/"
for d in rules tables samples; do
    cp -R "$top/data/$d" "$pkg/inst/extdata/$d"
done
# Files copied from a read-only tree (distcheck) stay writable in the copy.
chmod -R u+w "$src" "$pkg/inst/extdata"
echo "sync-core.sh: $(wc -l < "$list") core files and the data copied into $pkg"
