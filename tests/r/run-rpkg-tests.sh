#!/bin/sh
# run-rpkg-tests.sh — `make check` hook for the R package (rlib/).
#
# Copies rlib/ to a temporary directory, copies the core's sources and the
# data into the copy (rlib/tools/sync-core.sh), installs it into a
# temporary library with R CMD INSTALL and runs its testthat suite against
# the installed package.  Nothing is written into the source tree.
#
# Exit 0 when every test passes, 1 otherwise, 77 (automake's "skipped")
# when R, R's headers (r-base-dev) or testthat are missing.
#
# Environment: RSCRIPT (default Rscript from PATH), ZJ_TEST_SRCDIR (the
# source tree; default two directories above this script), ZJ_CLI (the
# built CLI: the tests then compare zj_check() with `zhijiao batch`),
# ZJ_R_VALGRIND=1 to run the suite under `R -d valgrind` (slow).
set -u

srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
rscript=${RSCRIPT:-Rscript}

if ! command -v "$rscript" >/dev/null 2>&1; then
    echo "run-rpkg-tests: no Rscript ($rscript), skipped"
    exit 77
fi
rbin=$(dirname "$(command -v "$rscript")")/R
if [ ! -x "$rbin" ]; then
    echo "run-rpkg-tests: no R next to $rscript, skipped"
    exit 77
fi
if [ ! -f "$("$rscript" -e 'cat(R.home("include"))')/R.h" ]; then
    echo "run-rpkg-tests: R's headers are missing (apt-get install r-base-dev), skipped"
    exit 77
fi
if ! "$rscript" -e 'if (!requireNamespace("testthat", quietly = TRUE)) quit(status = 1)' >/dev/null 2>&1; then
    echo "run-rpkg-tests: R package testthat is missing (apt-get install r-cran-testthat), skipped"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zj-rpkg.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

cp -R "$srcdir/rlib" "$tmp/zhijiao"
chmod -R u+w "$tmp/zhijiao"
sh "$srcdir/rlib/tools/sync-core.sh" "$srcdir" "$tmp/zhijiao" || exit 1
mkdir "$tmp/lib"
if ! "$rbin" CMD INSTALL --no-docs --no-multiarch -l "$tmp/lib" "$tmp/zhijiao" >"$tmp/install.log" 2>&1; then
    echo "run-rpkg-tests: R CMD INSTALL failed:"
    cat "$tmp/install.log"
    exit 1
fi

cat > "$tmp/run.R" <<'EOR'
library(testthat)
library(zhijiao)
res <- as.data.frame(test_dir(file.path(Sys.getenv("ZJ_RPKG_DIR"), "tests", "testthat"),
                              package = "zhijiao", load_package = "installed",
                              reporter = "summary", stop_on_failure = FALSE))
failed <- sum(res$failed) + sum(res$error)
passed <- sum(res$passed)
skipped <- sum(res$skipped)
cat(sprintf("%d passed, %d failed, %d skipped\n", passed, failed, skipped))
quit(status = if (failed > 0) 1 else 0)
EOR

# The package's tests use its own bundled data.
unset ZHIJIAO_DATA
export ZJ_RPKG_DIR="$tmp/zhijiao"
export R_LIBS="$tmp/lib${R_LIBS:+:$R_LIBS}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
if [ "${ZJ_R_VALGRIND:-0}" = 1 ]; then
    "$rbin" -d "valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=3" \
        --vanilla -f "$tmp/run.R"
else
    "$rscript" --vanilla "$tmp/run.R"
fi
