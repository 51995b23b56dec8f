#!/usr/bin/env python3
"""convert-zj-fail.py — rewrite two-format calls that share one argument list
into the macros that format each language with its own arguments.

    zj_fail(err, code, where, "中文 %s", "English %s", a)
        -> ZJ_FAIL(err, code, where, ("中文 %s", a), ("English %s", a))
    zj_db_reason(b, code, met, rule, zh, en, args...)
        -> ZJ_REASON(b, code, met, rule, (zh, args...), (en, args...))
    zj_db_input_error(b, code, zh, en, args...) -> ZJ_INPUT_ERROR(...)
    zj_db_no_rules(b, zh, en, args...)          -> ZJ_NO_RULES(...)
    out_usage(ctx, cmd, where, zh, en, args...) -> OUT_USAGE(...)   (cli/)
    zj_findings_addf(f, kind, table, row, column, expected, found, err,
                     zh, en, args...)           -> ZJ_FINDING(...)

The argument list is duplicated.  A "%.0s" (a format skipping the other
language's argument) is dropped from the format together with its argument,
and the call is listed on stderr so that a person rereads the sentence.  A
call whose formats are not string literals, or whose conversions cannot be
matched with its arguments (a `*` width, a count mismatch), is left as it is
and listed as "hand edit".

Usage: tools/convert-zj-fail.py [--check] FILE...
  --check   change nothing; exit 1 if any file still has a call to convert.
"""
import re
import sys

CALLS = {
    # name: (macro, number of leading arguments before the two formats)
    "zj_fail": ("ZJ_FAIL", 3),
    "zj_db_reason": ("ZJ_REASON", 4),
    "zj_db_input_error": ("ZJ_INPUT_ERROR", 2),
    "zj_db_no_rules": ("ZJ_NO_RULES", 1),
    "out_usage": ("OUT_USAGE", 3),
    "zj_findings_addf": ("ZJ_FINDING", 8),
}
CALL_RE = re.compile(r"\b(" + "|".join(CALLS) + r")\s*\(")
CONV_RE = re.compile(r"%(?:%|[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?([diouxXeEfFgGaAcspn]))")


def skip_string(text, i):
    """Index just past the string or char literal starting at text[i]."""
    q = text[i]
    i += 1
    while text[i] != q:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def split_args(text, start):
    """Splits the call's arguments; start is just after '('.  Returns the
    arguments (raw text) and the index just past the closing ')'."""
    args, depth, i, cur = [], 0, start, start
    while True:
        c = text[i]
        if c in "\"'":
            i = skip_string(text, i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append(text[cur:i])
                return args, i + 1
            depth -= 1
        elif c == "," and depth == 0:
            args.append(text[cur:i])
            cur = i + 1
        i += 1


def literal_pieces(arg):
    """The pieces of an argument made only of string literals and macro
    names (ALL_CAPS, taken to be literals without conversions), else None."""
    pieces, i, s = [], 0, arg.strip()
    while i < len(s):
        m = re.match(r"[A-Z_][A-Z0-9_]*\b", s[i:])
        if s[i].isspace():
            i += 1
        elif s[i] == '"':
            j = skip_string(s, i)
            pieces.append(s[i:j])
            i = j
        elif m:
            pieces.append(m.group(0))
            i += m.end()
        else:
            return None
    return pieces or None


def squash(arg):
    """An argument on one line: runs of blanks outside literals become one space."""
    out, i, s = [], 0, arg.strip()
    while i < len(s):
        if s[i] in "\"'":
            j = skip_string(s, i)
            out.append(s[i:j])
            i = j
        elif s[i].isspace():
            while i < len(s) and s[i].isspace():
                i += 1
            out.append(" ")
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def drop_skips(pieces, args):
    """Removes %.0s conversions and their arguments.  Returns (pieces, args,
    dropped) or None when conversions and arguments cannot be matched."""
    convs = []   # (piece index, match, number of arguments it takes)
    for k, p in enumerate(pieces):
        if not p.startswith('"'):
            continue   # a macro
        for m in CONV_RE.finditer(p):
            if m.group(0) == "%%":
                continue
            convs.append((k, m, 1 + (m.group(1) == "*") + (m.group(2) == "*")))
    if sum(n for _, _, n in convs) != len(args):
        return None
    keep_args, dropped, at = [], 0, 0
    new = list(pieces)
    spans = []
    for k, m, n in convs:
        spans.append((k, m, args[at:at + n]))
        at += n
    for k, m, a in reversed(spans):
        if m.group(0) == "%.0s":
            new[k] = new[k][:m.start()] + new[k][m.end():]
            dropped += 1
        else:
            keep_args[:0] = a
    new = [p for p in new if p != '""'] or ['""']
    return new, keep_args, dropped


def group(pieces, args, indent):
    joiner = "\n" + " " * (indent + 1)
    body = joiner.join(pieces)
    if args:
        tail = ", ".join(args)
        line = body.split("\n")[-1]
        if indent + len(line) + len(tail) + 4 > 100:
            body += "," + joiner + tail
        else:
            body += ", " + tail
    return "(" + body + ")"


def convert(text, path, report):
    out, pos, pending = [], 0, 0
    for m in CALL_RE.finditer(text):
        if m.start() < pos:
            continue
        name = m.group(1)
        macro, lead = CALLS[name]
        # a declaration or definition, not a call
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if re.search(r"\b(zj_code|void|int)\s*$", before):
            continue
        args, end = split_args(text, m.end())
        line = text.count("\n", 0, m.start()) + 1
        if len(args) < lead + 2:
            report.append(f"{path}:{line}: hand edit: {name} with too few arguments")
            pending += 1
            continue
        head = [squash(a) for a in args[:lead]]
        zh, en = args[lead], args[lead + 1]
        rest = [squash(a) for a in args[lead + 2:]]
        zp, ep = literal_pieces(zh), literal_pieces(en)
        if zp is None or ep is None:
            report.append(f"{path}:{line}: hand edit: {name} with a format that is not a literal")
            pending += 1
            continue
        z = drop_skips(zp, rest)
        e = drop_skips(ep, rest)
        if z is None or e is None:
            report.append(f"{path}:{line}: hand edit: {name}: conversions do not match the arguments")
            pending += 1
            continue
        if z[2] or e[2]:
            report.append(f"{path}:{line}: %.0s dropped: reread the sentences")
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1)
        indent = col + len(macro)
        call = (macro + "(" + ", ".join(head) + ",\n" + " " * (indent + 1) + group(z[0], z[1], indent + 1)
                + ",\n" + " " * (indent + 1) + group(e[0], e[1], indent + 1) + ")")
        out.append(text[pos:m.start()])
        out.append(call)
        pos = end
    out.append(text[pos:])
    return "".join(out), pending


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if a != "--check"]
    if not files:
        print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
        return 2
    report, left, changed = [], 0, 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new, pending = convert(text, path, report)
        left += pending
        if new != text:
            changed += 1
            if check:
                left += 1
                report.append(f"{path}: has calls to convert")
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    for r in report:
        print(r, file=sys.stderr)
    if not check:
        print(f"{changed} file(s) converted, {left} call(s) left for hand editing", file=sys.stderr)
    return 1 if check and left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
