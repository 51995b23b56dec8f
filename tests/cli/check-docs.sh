#!/bin/sh
# check-docs.sh — docs/cli.md holds the current `--help` of every command
# (tests/cli/check-docs.py explains; `check-docs.py ZHIJIAO docs/cli.md
# --update` rewrites the blocks after a change to the option tables).
srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
if [ -z "${ZJ_CLI:-}" ] || [ ! -x "$ZJ_CLI" ]; then
    echo "check-docs.sh: set ZJ_CLI to the built zhijiao binary" >&2
    exit 2
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
exec python3 "$srcdir/tests/cli/check-docs.py" "$ZJ_CLI" "$srcdir/docs/cli.md"
