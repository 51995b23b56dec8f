#!/bin/bash
# run-cases.sh — runs the `zhijiao` command-line cases.
#
# Tests are data: each folder tests/cli/cases/<case>/ holds
#   cmd      one line: the arguments after `zhijiao`, split by the shell
#            (`eval set --`); may use $DATA (the data directory), $CASE
#            (this folder, for case-local input files) and $TMP (an empty
#            scratch folder, also the working directory)
#   status   the expected exit status
#   stdout   optional: the expected standard output, exactly
#   stderr   optional: the expected standard error, exactly
#   grep     optional: lines that must each occur in standard output
#            (fixed strings, substring match).  Only for output that is
#            not stable (times, versions, absolute paths outside the
#            three below): a case with `grep` and no `stdout` must say
#            why in a first line starting with `#` (lines starting with
#            `#` are comments)
#   stdin    optional: fed to standard input (default: /dev/null)
#   stdin.tmp optional: the name of a file in $TMP (made by setup) to feed
#            to standard input instead, for cases where the command may
#            write to that very file
#   setup    optional: bash run in $TMP before the command (e.g. to
#            generate a large input)
#   post     optional: bash run in $TMP after it, must exit 0; the
#            command's output is in $TMP/.stdout and $TMP/.stderr
#
# Before comparing, the actual stdout and stderr have the paths of $TMP,
# $CASE and $DATA replaced by those names (literally `$TMP`, ...), so
# that messages naming a case file are stable (`post` sees them as
# printed).  Set ZJ_CASES_UPDATE=1 to
# write the actual outputs into the expected files of the cases run
# (then read them: they become the spec).
#
# Environment: ZJ_CLI (the built binary, required), ZHIJIAO_DATA (default
# <srcdir>/data), ZJ_TEST_SRCDIR (default: two levels up from here).
# Arguments: case names to run only those.
# Prints `ok NAME` or `FAIL NAME` with the reason, then `N passed, N failed`;
# exits 1 when any case failed.
set -u

srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cli=${ZJ_CLI:-}
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
    echo "run-cases.sh: set ZJ_CLI to the built zhijiao binary" >&2
    exit 2
fi
case $cli in /*) ;; *) cli=$(pwd)/$cli ;; esac
DATA=${ZHIJIAO_DATA:-$srcdir/data}
export ZHIJIAO_DATA=$DATA
# Messages and dates must not depend on the caller's locale.
export LC_ALL=C.UTF-8 TZ=UTC

cases=$srcdir/tests/cli/cases
work=$(mktemp -d "${TMPDIR:-/tmp}/zj-cli-cases.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

pass=0
fail=0

if [ $# -gt 0 ]; then
    names=("$@")
else
    names=()
    for d in "$cases"/*/; do
        names+=("$(basename "$d")")
    done
fi

for name in "${names[@]}"; do
    CASE=$cases/$name
    TMP=$work/$name
    mkdir -p "$TMP"
    export CASE TMP DATA
    why=""

    if [ ! -f "$CASE/cmd" ] || [ ! -f "$CASE/status" ]; then
        why="missing cmd or status"
    elif [ -f "$CASE/setup" ] && ! (cd "$TMP" && bash "$CASE/setup") >"$TMP/.setup" 2>&1; then
        why="setup failed: $(cat "$TMP/.setup")"
    else
        cmdline=$(cat "$CASE/cmd")
        eval "set -- $cmdline"
        input=/dev/null
        [ -f "$CASE/stdin" ] && input=$CASE/stdin
        [ -f "$CASE/stdin.tmp" ] && input=$TMP/$(cat "$CASE/stdin.tmp")
        (cd "$TMP" && exec "$cli" "$@") <"$input" >"$TMP/.stdout" 2>"$TMP/.stderr"
        status=$?
        for s in stdout stderr; do
            ZJ_P1=$TMP ZJ_P2=$CASE ZJ_P3=$DATA perl -pe \
                's/\Q$ENV{ZJ_P1}\E/\$TMP/g; s/\Q$ENV{ZJ_P2}\E/\$CASE/g; s/\Q$ENV{ZJ_P3}\E/\$DATA/g' \
                "$TMP/.$s" >"$TMP/.$s.cmp"
        done
        if [ "${ZJ_CASES_UPDATE:-}" = 1 ]; then
            [ -f "$CASE/grep" ] || cp "$TMP/.stdout.cmp" "$CASE/stdout"
            cp "$TMP/.stderr.cmp" "$CASE/stderr"
        fi
        expected=$(tr -d ' \n' <"$CASE/status")
        if [ "$status" != "$expected" ]; then
            why="exit status $status, expected $expected"
        fi
        if [ -z "$why" ] && [ -f "$CASE/stdout" ] &&
            ! diff -u "$CASE/stdout" "$TMP/.stdout.cmp" >"$TMP/.diff"; then
            why="stdout differs:
$(cat "$TMP/.diff")"
        fi
        if [ -z "$why" ] && [ -f "$CASE/stderr" ] &&
            ! diff -u "$CASE/stderr" "$TMP/.stderr.cmp" >"$TMP/.diff"; then
            why="stderr differs:
$(cat "$TMP/.diff")"
        fi
        if [ -z "$why" ] && [ -f "$CASE/grep" ] && [ ! -f "$CASE/stdout" ] &&
            ! head -n 1 "$CASE/grep" | grep -q '^#'; then
            why="grep without stdout must say why in a first '#' line"
        fi
        if [ -z "$why" ] && [ -f "$CASE/grep" ]; then
            while IFS= read -r line || [ -n "$line" ]; do
                case $line in ''|'#'*) continue ;; esac
                if ! grep -qF -- "$line" "$TMP/.stdout"; then
                    why="stdout lacks: $line"
                    break
                fi
            done <"$CASE/grep"
        fi
        if [ -z "$why" ] && [ -f "$CASE/post" ] &&
            ! (cd "$TMP" && bash "$CASE/post") >"$TMP/.post" 2>&1; then
            why="post check failed: $(cat "$TMP/.post")"
        fi
    fi

    if [ -z "$why" ]; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        echo "  command: zhijiao $(cat "$CASE/cmd" 2>/dev/null)"
        echo "$why" | sed 's/^/  /'
        if [ -s "$TMP/.stderr" ]; then
            echo "  stderr:"
            head -n 20 "$TMP/.stderr" | sed 's/^/    /'
        fi
        fail=$((fail + 1))
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
