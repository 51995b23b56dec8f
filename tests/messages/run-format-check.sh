#!/bin/sh
# run-format-check.sh — no message in the converted folders (the core, the
# CLI, the R package's C glue and R code) shares one argument list between
# two languages (issue 9): no zj_fail, zj_db_reason, zj_db_input_error,
# zj_db_no_rules or out_usage call and no "%.0s" trick is left.
# tools/convert-zj-fail.py --check finds the calls; the files still to be
# converted are listed in PENDING (remove them as they are converted).
set -u
srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$srcdir" || exit 2

PENDING=""
files=""
for f in core/*/*.c \
         cli/*.c rlib/src/*.c; do
    case " $PENDING " in *" $f "*) continue ;; esac
    files="$files $f"
done

status=0
# shellcheck disable=SC2086
python3 tools/convert-zj-fail.py --check $files || status=1
# shellcheck disable=SC2086
if grep -n '%\.0s' $files rlib/R/*.R; then
    echo 'run-format-check.sh: "%.0s" above: format each language with its own arguments' >&2
    status=1
fi
# a client function taking both formats (fmt_zh, fmt_en) with one argument
# list
# shellcheck disable=SC2086
if grep -n 'fmt_zh\|fmt_en' cli/*.[ch] rlib/src/*.[ch]; then
    echo 'run-format-check.sh: a function above formats two languages from one argument list' >&2
    status=1
fi
[ $status -eq 0 ] && echo "ok: $(echo $files | wc -w) files format each language by itself"
exit $status
