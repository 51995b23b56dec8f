#!/bin/sh
# run-layering.sh — `make check`'s layering test: the planted violations
# are found (self-test), then the real tree has none.
set -u
src=${ZJ_TEST_SRCDIR:?}
build=${ZJ_BUILDDIR:-}
python3 "$src/tests/layering/check-layers.py" --self-test "$src" || exit 1
python3 "$src/tests/layering/check-layers.py" "$src" $build
