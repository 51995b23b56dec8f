#!/bin/sh
# The README's second command: the whole test suite.
#
#   1. a -Werror build and `make check` (unit, CLI and R-reference tests)
#   2. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer
#   3. the thread-sharing test under ThreadSanitizer
#   4. every libFuzzer target for FUZZ_SECONDS (default 30) each
#   5. `make distcheck` (the release tarball builds, installs and passes)
#   6. the Debian packages: built, lintian, installed with apt, tested as
#      installed (debian/tests/installed), purged leaving nothing behind
#      (tests/install/deb-stage.sh)
#
# It ends with one line "N passed, N failed" and exits non-zero if
# anything failed.  Set ZJ_SKIP_DEPS=1 to skip the package check,
# ZJ_SKIP_DISTCHECK=1, ZJ_SKIP_FUZZ=1 or ZJ_SKIP_DEB=1 to skip those stages.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
failures=""

stage() { printf '\n==== %s ====\n' "$1"; }

# Adds the PASS/FAIL counts of an automake test-suite.log to the totals.
count_log() {
    if [ -f "$1" ]; then
        p=$(sed -n 's/^# PASS: *//p' "$1" | head -n1)
        f=$(sed -n 's/^# FAIL: *//p' "$1" | head -n1)
        e=$(sed -n 's/^# ERROR: *//p' "$1" | head -n1)
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0} + ${e:-0}))
    fi
}

fail_stage() {
    failed=$((failed + 1))
    failures="$failures $1"
    echo "FAILED: $1" >&2
}

if [ "${ZJ_SKIP_DEPS:-0}" != 1 ]; then
    stage "dependencies"
    sh packaging/install-deps.sh || { echo "cannot install dependencies" >&2; exit 2; }
fi

stage "autoreconf"
autoreconf -fi >/dev/null 2>&1 || { autoreconf -fi; echo "autoreconf failed" >&2; exit 2; }

stage "build (-Werror) and make check"
rm -rf build-check && mkdir build-check
if (cd build-check && ../configure -q --enable-werror && make -j"$jobs" >/dev/null); then
    (cd build-check && make -j"$jobs" check) || fail_stage "make-check"
    count_log build-check/test-suite.log
else
    fail_stage "build"
fi

stage "ASan + UBSan build and make check"
rm -rf build-asan && mkdir build-asan
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
if (cd build-asan && ../configure -q --enable-werror CFLAGS="$san" LDFLAGS="-fsanitize=address,undefined" \
        && make -j"$jobs" >/dev/null); then
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        make -j"$jobs" check) || fail_stage "sanitizer-check"
    count_log build-asan/test-suite.log
else
    fail_stage "sanitizer-build"
fi

stage "ThreadSanitizer: one zj_data shared by threads"
rm -rf build-tsan && mkdir build-tsan
if (cd build-tsan && ../configure -q CFLAGS="-g -O1 -fsanitize=thread" LDFLAGS="-fsanitize=thread" \
        && make -j"$jobs" tests/unit/test_threads >/dev/null \
        && ZJ_TEST_SRCDIR="$top" TSAN_OPTIONS=halt_on_error=1 ./tests/unit/test_threads); then
    passed=$((passed + 1))
else
    fail_stage "tsan"
fi

if [ "${ZJ_SKIP_FUZZ:-0}" != 1 ]; then
    stage "fuzzing (${FUZZ_SECONDS:-30} s per target)"
    if FUZZ_SECONDS="${FUZZ_SECONDS:-30}" sh tests/fuzz/run-fuzz.sh "$top"; then
        passed=$((passed + 1))
    else
        fail_stage "fuzz"
    fi
fi

if [ "${ZJ_SKIP_DISTCHECK:-0}" != 1 ]; then
    stage "make distcheck"
    if (cd build-check && make -j"$jobs" distcheck >distcheck.log 2>&1); then
        passed=$((passed + 1))
    else
        tail -n 60 build-check/distcheck.log
        fail_stage "distcheck"
    fi
fi

if [ "${ZJ_SKIP_DEB:-0}" != 1 ]; then
    stage "Debian packages: build, lintian, install, installed test, purge"
    t0=$(date +%s)
    sh tests/install/deb-stage.sh >deb-stage.log 2>&1
    cat deb-stage.log
    p=$(sed -n 's/^deb-stage: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' deb-stage.log)
    f=$(sed -n 's/^deb-stage: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' deb-stage.log)
    passed=$((passed + ${p:-0}))
    if [ -z "$f" ]; then fail_stage "deb"; elif [ "$f" != 0 ]; then
        failed=$((failed + f)); failures="$failures deb"
    fi
    echo "Debian stage: $(($(date +%s) - t0)) s"
fi

stage "summary"
[ -n "$failures" ] && echo "failed stages:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
