#!/usr/bin/env python3
"""check-layers.py — libzhijiao's layers are real: no upward or sideways
include, no upward call, no call cycle between files; and its names say
what they are: zj_ for what the public headers export (ZJ_EXTERN), zj__
for everything internal.

usage: check-layers.py SRCDIR [BUILDDIR]
       check-layers.py --self-test SRCDIR

The layers and their ranks are data, in SRCDIR/core/layers.txt.  Includes
are read from the sources; calls from the library's object files in
BUILDDIR (nm), when given.  --self-test plants an upward include, a
sideways include and a call cycle and requires each to be reported.
Prints one line per violation and exits 1 if there is any."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_layers(src):
    rank = {}
    with open(os.path.join(src, "core", "layers.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                for layer in line[1:]:
                    rank[layer] = int(line[0])
    return rank


def core_files(src, rank):
    """{basename: layer} of every source and header of the core."""
    where = {}
    for layer in rank:
        d = os.path.join(src, "core", layer)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith((".c", ".h")):
                if name in where:
                    yield ("dup", name, where[name], layer)
                where[name] = layer
    yield ("map", where, None, None)


def allowed(rank, user, used):
    return user == used or rank[used] < rank[user]


def check_includes(src, rank):
    problems, where = [], {}
    for kind, a, b, c in core_files(src, rank):
        if kind == "dup":
            problems.append(f"core/{c}/{a}: the name is also core/{b}/{a} (internal headers are "
                            "included by bare name, so names must be unique)")
        else:
            where = a
    stray = [n for n in os.listdir(os.path.join(src, "core"))
             if n.endswith((".c", ".h"))]
    for n in stray:
        problems.append(f"core/{n}: every source belongs in a layer's folder")
    for name, layer in sorted(where.items()):
        path = os.path.join(src, "core", layer, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            if inc.startswith("zhijiao/") or inc == "zhijiao.h":
                continue   # the public headers: types every layer may use
            base = os.path.basename(inc)
            if base not in where:
                continue   # a generated or system header
            to = where[base]
            if not allowed(rank, layer, to):
                line = text.count("\n", 0, m.start()) + 1
                how = "sideways" if rank[to] == rank[layer] else "upward"
                problems.append(f"core/{layer}/{name}:{line}: {how} include of core/{to}/{base} "
                                f"({layer} is rank {rank[layer]}, {to} rank {rank[to]})")
    return problems, where


def read_symbols(build, where):
    """{file: (defined set, used set)} from the library's objects."""
    files = {}
    for root, _dirs, names in os.walk(os.path.join(build, "core")):
        for n in names:   # libtool's .libs/ (PIC) or beside it (static): one of each
            if not n.endswith(".o") or not n.startswith("libzjcore_la-"):
                continue
            src = n[len("libzjcore_la-"):-2] + ".c"
            if src not in where or src in files:
                continue
            out = subprocess.run(["nm", "-P", os.path.join(root, n)], capture_output=True,
                                 text=True, check=True).stdout
            d, u = set(), set()
            for line in out.splitlines():
                parts = line.split()
                if len(parts) < 2:
                    continue
                (u if parts[1] == "U" else d if parts[1] in "TDBRCGS" else set()).add(parts[0])
            files[src] = (d, u)
    return files


def check_calls(files, where, rank):
    problems = []
    owner = {}
    for f, (defined, _used) in files.items():
        for s in defined:
            owner[s] = f
    edges = {f: set() for f in files}
    for f, (_defined, used) in files.items():
        for s in sorted(used):
            g = owner.get(s)
            if g is None or g == f:
                continue
            edges[f].add(g)
            if not allowed(rank, where[f], where[g]):
                problems.append(f"core/{where[f]}/{f}: calls {s} of core/{where[g]}/{g}, "
                                f"a layer it may not use")
    # Tarjan's strongly connected components: any of size > 1 is a cycle.
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    for comp in sccs:
        problems.append("call cycle between " + ", ".join(f"core/{where[f]}/{f}" for f in comp))
    return problems


EXTERN = re.compile(r"ZJ_EXTERN[^;(]*?\b(zj_[a-z0-9_]+)\s*\(")


def check_names(src, files, where):
    """Exported functions are zj_ and declared ZJ_EXTERN in the public
    headers; every other global function of the core is zj__ (internal)."""
    public = set()
    inc = os.path.join(src, "core", "include")
    for root, _dirs, names in os.walk(inc):
        for n in names:
            with open(os.path.join(root, n), encoding="utf-8") as f:
                public |= set(EXTERN.findall(f.read()))
    problems = []
    for f, (defined, _used) in sorted(files.items()):
        for sym in sorted(defined):
            if sym.startswith("zj_") and not sym.startswith("zj__") and sym not in public:
                problems.append(f"core/{where[f]}/{f}: {sym} is neither ZJ_EXTERN in a public "
                                "header nor named zj__ (internal)")
    return problems


def run(src, build):
    rank = read_layers(src)
    problems, where = check_includes(src, rank)
    if build:
        files = read_symbols(build, where)
        if not files:
            problems.append(f"{build}: no object files of the library found (build it first)")
        problems += check_calls(files, where, rank)
        problems += check_names(src, files, where)
    return problems


def self_test(src):
    """Each planted fault must be reported; the clean tree must not be."""
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        top = os.path.join(tmp, "src")
        shutil.copytree(os.path.join(src, "core"), os.path.join(top, "core"))
        if run(top, None):
            print("self-test: the unmodified copy already has violations")
            failures += 1
        target = os.path.join(top, "core", "base", "utf8.c")
        original = open(target, encoding="utf-8").read()
        for plant, expect in (('#include "check_internal.h"\n', "upward include"),
                              ('#include "counts.h"\n', None)):
            with open(target, "w", encoding="utf-8") as f:
                f.write(plant + original)
            found = run(top, None)
            if not any((expect or "upward") in p for p in found):
                print(f"self-test: planting {plant.strip()} in base/utf8.c was not reported")
                failures += 1
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        target = os.path.join(top, "core", "stats", "rate_ci.c")
        original = open(target, encoding="utf-8").read()
        with open(target, "w", encoding="utf-8") as f:
            f.write('#include "findings_internal.h"\n' + original)
        if not any("sideways include" in p for p in run(top, None)):
            print("self-test: a sideways include (stats -> audit) was not reported")
            failures += 1
    rank = {"base": 0, "rules": 2}
    where = {"a.c": "base", "b.c": "base", "c.c": "rules"}
    files = {"a.c": ({"fa"}, {"fb"}), "b.c": ({"fb"}, {"fa", "fc"}), "c.c": ({"fc"}, set())}
    found = check_calls(files, where, rank)
    if not any("call cycle between core/base/a.c, core/base/b.c" in p for p in found):
        print("self-test: the planted call cycle a.c <-> b.c was not reported")
        failures += 1
    if not any("calls fc of core/rules/c.c" in p for p in found):
        print("self-test: the planted upward call b.c -> c.c was not reported")
        failures += 1
    return failures


def main(argv):
    if len(argv) >= 3 and argv[1] == "--self-test":
        n = self_test(argv[2])
        print("layering self-test: " + ("ok" if n == 0 else f"{n} planted faults missed"))
        return 1 if n else 0
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    problems = run(argv[1], argv[2] if len(argv) == 3 else None)
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
