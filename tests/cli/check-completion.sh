#!/bin/bash
# check-completion.sh — runs the bash completion function of
# cli/bash-completion/zhijiao non-interactively, as bash would on <TAB>,
# against the built binary, and checks what it offers.
#
# Environment: ZJ_CLI (the built zhijiao, required), ZJ_TEST_SRCDIR,
# ZHIJIAO_DATA (default <srcdir>/data).
set -u

srcdir=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cli=${ZJ_CLI:-}
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
    echo "check-completion.sh: set ZJ_CLI to the built zhijiao binary" >&2
    exit 2
fi
case $cli in /*) ;; *) cli=$(pwd)/$cli ;; esac
export ZHIJIAO_DATA=${ZHIJIAO_DATA:-$srcdir/data} LC_ALL=C.UTF-8
# shellcheck source=/dev/null
. "$srcdir/cli/bash-completion/zhijiao" || exit 2

fail=0
work=$(mktemp -d "${TMPDIR:-/tmp}/zj-compl.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
: >scores.csv
mkdir outdir

# complete LINE: COMPREPLY for the command line LINE (the cursor at its
# end), split as bash does with the default COMP_WORDBREAKS.
complete_line() {
    local line=$1
    read -r -a COMP_WORDS <<<"$(printf '%s' "$line" | sed 's/=/ = /g')"
    COMP_WORDS[0]=$cli
    [[ $line == *' ' ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _zhijiao "$cli" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]:-}"
}

# expect LINE WORD...: the candidates are exactly WORD... (any order).
expect() {
    local line=$1 got want
    shift
    complete_line "$line"
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    if [ "$got" = "$want" ]; then
        echo "ok: '$line'"
    else
        echo "FAIL: '$line'"
        echo "  expected: $want"
        echo "  got:      $got"
        fail=1
    fi
}

# has LINE WORD...: the candidates include each WORD.
has() {
    local line=$1 w
    shift
    complete_line "$line"
    for w in "$@"; do
        if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$w"; then
            echo "FAIL: '$line' does not offer $w (got: ${COMPREPLY[*]})"
            fail=1
            return
        fi
    done
    echo "ok: '$line'"
}

# Commands (every one of `zhijiao --help`), and by prefix.
mapfile -t cmds < <("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
[ "${#cmds[@]}" -ge 19 ] || { echo "FAIL: no commands in --help"; fail=1; }
has "zhijiao " "${cmds[@]}" help
expect "zhijiao ra" rate
expect "zhijiao au" audit audit-csv
# Options of a command and the global ones, from the tables.
expect "zhijiao rate --m" --method
has "zhijiao rate --" --method --conf --x --n --all-methods --format --lang --data --help
expect "zhijiao --form" --format
# Values of options.
expect "zhijiao rate 5 10 --method " wilson wilson-cc clopper-pearson exact agresti-coull jeffreys wald
expect "zhijiao rate 5 10 --method w" wilson wilson-cc wald
expect "zhijiao rate 5 10 --method=cl" clopper-pearson
expect "zhijiao --format j" json
expect "zhijiao batch gtpy.admission x.csv --encoding g" gb18030
# Check names, then the check's fields and their values.
has "zhijiao check " gtpy.admission gtpy.transfer 3plus2.partner pzhz.window
expect "zhijiao check gtpy.adm" gtpy.admission
expect "zhijiao batch gtpy.adm" gtpy.admission
has "zhijiao check gtpy.admission --" --jurisdiction --year --score --beijing_hukou --has_qualification
expect "zhijiao check gtpy.admission --sc" --score
expect "zhijiao check gtpy.admission --beijing_hukou " 是 否
# Table names, from the data directory.
has "zhijiao table " gtpy_plan_2023 satisfaction_2024 majors_monitoring_2024
expect "zhijiao table satis" satisfaction_2024
expect "zhijiao audit gtpy_plan_2023 gtpy_plan_202" gtpy_plan_2023 gtpy_plan_2024
# Files and directories where a command takes them.
expect "zhijiao scores sco" scores.csv
expect "zhijiao batch gtpy.admission sco" scores.csv
expect "zhijiao demo --out out" outdir
# Nothing where nothing fits; hidden options stay hidden.
expect "zhijiao rate 5 10 --conf "
expect "zhijiao frobnicate "
expect "zhijiao refresh --ignore"

exit $fail
