#!/bin/sh
# document.sh — regenerates R/checks-generated.R, NAMESPACE and man/ of the
# R package (run by a developer after changing the R code or the check
# catalogue; the generated files are committed).
#   sh rlib/tools/document.sh      (from the top of the source tree)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zj-rdoc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$top/rlib" "$tmp/zhijiao"
sh "$top/rlib/tools/sync-core.sh" "$top" "$tmp/zhijiao" >/dev/null
mkdir "$tmp/lib"
# First run: a placeholder NAMESPACE so that the package installs.
[ -f "$tmp/zhijiao/NAMESPACE" ] ||
    printf 'useDynLib(zhijiao, .registration = TRUE)\nexportPattern("^zj_")\n' \
        > "$tmp/zhijiao/NAMESPACE"
R CMD INSTALL --no-test-load -l "$tmp/lib" "$tmp/zhijiao" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; exit 1; }
cd "$top/rlib"
Rscript tools/gen-wrappers.R "$tmp/lib"
# Reinstall with the new wrappers, then let roxygen2 read the installed package.
cp R/checks-generated.R "$tmp/zhijiao/R/"
R CMD INSTALL --no-test-load -l "$tmp/lib" "$tmp/zhijiao" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; exit 1; }
R_LIBS="$tmp/lib" Rscript -e 'roxygen2::roxygenise(load_code = roxygen2::load_installed)'
