#!/bin/sh
# run-fuzz.sh — build and run every libFuzzer target in tests/fuzz.
#
# usage: run-fuzz.sh SRCDIR
#   CLANG         the compiler (default: clang; needs libclang-rt-*-dev)
#   FUZZ_SECONDS  how long to run each target (default: 30)
#
# Each tests/fuzz/fuzz_*.c is linked with all of core/*/*.c under ASan
# and UBSan, so a new target needs nothing but its file.  Seeds come from tests/fuzz/corpus/<target>/ (left untouched:
# new inputs go to a scratch directory).  Exits 1 if any target fails to
# build, crashes, leaks, times out or runs out of memory, naming it and
# keeping its crashing input.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 SRCDIR" >&2
    exit 2
fi
SRCDIR=$1
CLANG=${CLANG:-clang}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}

if [ ! -d "$SRCDIR/core/include" ]; then
    echo "run-fuzz: $SRCDIR does not look like the zhijiao source tree" >&2
    exit 2
fi
# libcurl, libxml2, libzip and freexl: the refresh pipeline (core/fetch_*.c, ...)
if ! DEPS=$(pkg-config --cflags --libs jansson libRmath libcurl libxml-2.0 libzip freexl) ||
   ! DEP_CFLAGS=$(pkg-config --cflags jansson libRmath libcurl libxml-2.0 libzip freexl); then
    echo "run-fuzz: pkg-config cannot find jansson, libRmath, libcurl, libxml-2.0, libzip or freexl" >&2
    exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zj-fuzz.XXXXXX") || exit 1
keep=0
# shellcheck disable=SC2317  # called by the trap
cleanup() {
    if [ "$keep" = 0 ]; then
        rm -rf "$WORK"
    else
        echo "run-fuzz: logs and crashing inputs kept in $WORK" >&2
    fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Shared by the library objects and the targets.  fuzzer-no-link
# instruments the library for coverage without a second main().
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-g -O1 $SAN -I $SRCDIR/core/include"
for layer in "$SRCDIR"/core/*/; do
    [ "$layer" = "$SRCDIR/core/include/" ] || CFLAGS="$CFLAGS -I $layer"
done
DATADEF="-DZJ_DATADIR=\"$SRCDIR/data\""

echo "run-fuzz: compiling the library with $CLANG"
mkdir -p "$WORK/obj"
OBJS=""
for src in "$SRCDIR"/core/*/*.c; do
    [ -e "$src" ] || continue
    obj="$WORK/obj/$(echo "${src#"$SRCDIR"/}" | tr / _ | sed 's/\.c$/.o/')"
    # shellcheck disable=SC2086  # word splitting of flags is intended
    if ! "$CLANG" $CFLAGS -fsanitize=fuzzer-no-link "$DATADEF" \
            $DEP_CFLAGS -c "$src" -o "$obj"; then
        echo "run-fuzz: FAILED to compile $src" >&2
        keep=1
        exit 1
    fi
    OBJS="$OBJS $obj"
done

failed=""
count=0
for src in "$SRCDIR"/tests/fuzz/fuzz_*.c; do
    [ -e "$src" ] || continue
    count=$((count + 1))
    name=$(basename "$src" .c)
    exe="$WORK/$name"
    log="$WORK/$name.log"
    # shellcheck disable=SC2086
    if ! "$CLANG" $CFLAGS -fsanitize=fuzzer "$DATADEF" "$src" $OBJS \
            $DEPS -lcsv -lm -o "$exe"; then
        echo "run-fuzz: FAILED to build $name" >&2
        failed="$failed $name"
        continue
    fi
    mkdir -p "$WORK/corpus-$name"
    seeds=""
    [ -d "$SRCDIR/tests/fuzz/corpus/$name" ] &&
        seeds="$SRCDIR/tests/fuzz/corpus/$name"
    echo "run-fuzz: running $name for ${FUZZ_SECONDS}s"
    # The first corpus directory receives new inputs; the seeds only feed.
    # shellcheck disable=SC2086
    "$exe" -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
        -artifact_prefix="$WORK/$name-" "$WORK/corpus-$name" $seeds \
        >"$log" 2>&1
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "run-fuzz: $name FAILED (exit status $status); the end of its log:" >&2
        tail -n 40 "$log" >&2
        failed="$failed $name"
        continue
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "run-fuzz: $name ok (${runs:-?} executions)"
done

if [ "$count" -eq 0 ]; then
    echo "run-fuzz: no targets (tests/fuzz/fuzz_*.c) found under $SRCDIR" >&2
    exit 1
fi
if [ -n "$failed" ]; then
    echo "run-fuzz: failed:$failed" >&2
    keep=1
    exit 1
fi
echo "run-fuzz: all $count target(s) passed"
exit 0
