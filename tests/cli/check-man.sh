#!/bin/bash
# check-man.sh — the generated man pages (zhijiao --help-man, built into
# man/ of the build tree): one per command of `zhijiao --help` plus
# zhijiao(1), each free of groff/man warnings (`man --warnings -l`),
# indexable by lexgrog (a proper NAME section), and listing every option
# that the command's --help lists.
#
# Environment: ZJ_CLI (the built zhijiao, required), ZJ_MANDIR (the
# generated pages, default: man/ beside the binary's cli/ folder).
set -u

cli=${ZJ_CLI:-}
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
    echo "check-man.sh: set ZJ_CLI to the built zhijiao binary" >&2
    exit 2
fi
mandir=${ZJ_MANDIR:-$(dirname "$cli")/../man}
for t in man lexgrog; do
    command -v $t >/dev/null 2>&1 || { echo "$t not found (Debian: man-db): skipped"; exit 77; }
done
export LC_ALL=C.UTF-8 MANWIDTH=80
fail=0

mapfile -t cmds < <("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
if [ "${#cmds[@]}" -lt 19 ]; then
    echo "FAIL: no commands in zhijiao --help"
    exit 1
fi

pages=("$mandir/zhijiao.1")
for c in "${cmds[@]}"; do
    pages+=("$mandir/zhijiao-$c.1")
done
# No page for a command that does not exist any more.
for p in "$mandir"/*.1; do
    case " ${pages[*]} " in
    *" $p "*) ;;
    *) echo "FAIL: $p is not a page of any command"; fail=1 ;;
    esac
done

for p in "${pages[@]}"; do
    name=$(basename "$p" .1)
    if [ ! -s "$p" ]; then
        echo "FAIL: $p missing"
        fail=1
        continue
    fi
    warn=$(man --warnings -l "$p" 2>&1 >/dev/null)
    if [ -n "$warn" ]; then
        echo "FAIL: $name: man --warnings:"
        echo "$warn" | sed 's/^/  /'
        fail=1
    fi
    if ! lexgrog "$p" 2>/dev/null | grep -qF "\"$name - "; then
        echo "FAIL: $name: lexgrog finds no NAME line: $(lexgrog "$p" 2>&1)"
        fail=1
    fi
    # Every option of --help is in the page, as man renders it.
    cmd=${name#zhijiao}
    cmd=${cmd#-}
    text=$(man -l "$p" 2>/dev/null | sed 's/‐/-/g')
    # shellcheck disable=SC2086
    for o in $("$cli" $cmd --help | sed -n 's/^  \(--[a-z-]*\).*/\1/p'); do
        if ! grep -qF -- "$o" <<<"$text"; then
            echo "FAIL: $name lacks $o"
            fail=1
        fi
    done
    echo "checked: $name"
done
exit $fail
