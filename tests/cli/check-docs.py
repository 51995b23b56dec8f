#!/usr/bin/env python3
"""check-docs.py — docs/cli.md against `zhijiao --help`.

docs/cli.md keeps what --help does not say (output schemas, JSON keys,
exit codes, examples); what both say, the usage and the options, it
holds as a copy of the help text itself, in blocks

    <!-- zhijiao CMD --help -->
    ```text
    ...exactly what `zhijiao CMD --help` prints...
    ```

(`zhijiao --help` for the tool itself).  This checks that every command
of `zhijiao --help` has its block and that every block is the current
help; with --update it rewrites the blocks instead.

Usage: check-docs.py ZHIJIAO DOCS_CLI_MD [--update]
"""
import re
import subprocess
import sys

MARK = re.compile(r'<!-- zhijiao (?:([a-z-]+) )?--help -->\n```text\n(.*?)```\n', re.S)


def helptext(cli, cmd):
    args = [cli] + ([cmd] if cmd else []) + ['--help']
    return subprocess.run(args, check=True, capture_output=True,
                          env={'LC_ALL': 'C.UTF-8'}).stdout.decode('utf-8')


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, path = sys.argv[1], sys.argv[2]
    update = '--update' in sys.argv[3:]
    doc = open(path, encoding='utf-8').read()
    top = helptext(cli, None)
    cmds = re.findall(r'^  ([a-z-]+) ', top.split('\nCommands:\n', 1)[1].split('\n\n', 1)[0], re.M)
    seen = set()
    bad = 0

    def repl(m):
        nonlocal bad
        cmd = m.group(1) or ''
        seen.add(cmd)
        want = helptext(cli, cmd or None)
        if m.group(2) != want:
            if not update:
                print('FAIL: docs/cli.md: the block of `zhijiao %s--help` differs from the help'
                      % (cmd + ' ' if cmd else ''))
                bad += 1
        return '<!-- zhijiao %s--help -->\n```text\n%s```\n' % (cmd + ' ' if cmd else '', want)

    new = MARK.sub(repl, doc)
    for cmd in [''] + cmds:
        if cmd not in seen:
            print('FAIL: docs/cli.md has no block <!-- zhijiao %s--help -->'
                  % (cmd + ' ' if cmd else ''))
            bad += 1
    for cmd in seen - set(cmds) - {''}:
        print('FAIL: docs/cli.md has a block for %s, which is not a command' % cmd)
        bad += 1
    if update:
        if new != doc:
            open(path, 'w', encoding='utf-8').write(new)
            print('updated', path)
        return 1 if any(c not in seen for c in [''] + cmds) else 0
    if not bad:
        print('ok: docs/cli.md matches --help of %d commands' % len(cmds))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
