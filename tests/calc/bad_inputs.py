#!/usr/bin/python3
"""bad_inputs.py — the bad and blank inputs table (bad_inputs.csv) as a
sheet, and its check.

  bad_inputs.py gen SHEET.fods EXPECT.json
      one row per (function, argument, input kind): the function in column
      A, =ZJ.EXPLAIN of the same call in B, its arguments from column P;
      the expected result of each, asking the CLI ($ZJ_CLI) where the
      table says C, D or M
  bad_inputs.py compare EXPECT.json CELLS.json LANG
      compares what Calc computed (sheet_eval.py's CELLS.json, in the UI
      language LANG, zh or en) with it
"""
import csv
import json
import os
import subprocess
import sys
from calc_common import FODS_HEAD, FODS_TAIL, col, reasons
from xml.sax.saxutils import escape, quoteattr

CLI = os.environ.get("ZJ_CLI", "zhijiao")
DATA = os.environ.get("ZHIJIAO_DATA", "data")
HERE = os.path.dirname(os.path.abspath(__file__))
P = "ORG.ZHIJIAO.CALC.ZHIJIAO."
DATA_COL = 15
KINDS = ["blank", "empty", "text", "full", "huge", "error"]
INPUT = {"blank": None, "empty": ("f", '""'), "text": "abc", "full": "１２", "huge": 1e300, "error": ("f", "1/0")}
# what the CLI is given for the same input (1e300 as Calc writes it)
CLI_TEXT = {"blank": "", "empty": "", "text": "abc", "full": "１２", "huge": "1e+300"}
# the sentences the add-in says of a blank input (addin_args.c)
FRAG = {"Z": ("is 0 or a blank cell", "为 0 或空白单元格"), "B": ("is blank", "为空"),
        "N": ("must be a number", "须为数字")}
DIV0 = 532   # Calc's error code of #DIV/0!

# The CLI command of each function: {k} is argument k, a [...] part is left
# out with its argument; key picks the answer from the JSON.
RATE = "rate {1} {2}[ --method {3}][ --conf {4}]"
POOLED = "pooled --x {1} --n {2}[ --method {3}][ --conf {4}]"
CHECK = ("check gtpy.admission --jurisdiction {1} --year {2} --has_qualification {3} "
         "--beijing_hukou {4} --score {5}")
COMMANDS = {
    "RATEESTIMATE": (RATE, "rate"), "RATELOWER": (RATE, "lower"), "RATEUPPER": (RATE, "upper"),
    "RATECI": (RATE, "rate"), "POOLEDRATE": (POOLED, "pooled.rate"),
    "MEANOFRATES": ("pooled --x {1} --n {2}", "mean_of_rates"),
    "RATEDIFF": ("diff {1} {2} {3} {4}[ --conf {5}][ {6}]", "diff"),
    "RATEDIFFP": ("diff {1} {2} {3} {4}[ {5}]", "p_value"),
    "PASSRATE": ("scores --values {1}[ --pass {2}]", "pass_rate"),
    "EXCELLENTRATE": ("scores --values {1}[ --excellent {2}]", "excellent_rate"),
    "SCOREMEAN": ("scores --values {1}", "mean"),
    "COMPLETIONRATE": ("completion {1} {2}", "completion"),
    "PROGRESSIONRATE": ("progression {1} {2} {3}", "zhuanke_rate"),
    "TRANSFERRATE": ("transfer-rate {1} {2}", "rate"),
    "COMPOSITESCORE": ("composite --scores {1} --weights {2}", "composite"),
    "RATEDESIGN": ("rate {1} {2} --population {4}[ --method {5}][ --conf {6}]", "rate"),
    "RATECHANGE": ("diff {1} {2} {3} {4} --census", "diff"),
    "CHECKGTPYADMISSION": (CHECK, "outcome"), "REASONSGTPYADMISSION": (CHECK, "reasons"),
}
BOOL_OPTION = {"RATEDIFF": 6, "RATEDIFFP": 5}   # TRUE/FALSE -> --correct/--no-correct




def cli_args(fn, values):
    """values[k] is the CLI text of argument k+1, or None when left out."""
    tmpl, _ = COMMANDS[fn]
    out, i = [], 0
    while i < len(tmpl):
        if tmpl[i] == "[":
            j = tmpl.index("]", i)
            part = tmpl[i + 1:j]
            k = int(part[part.index("{") + 1:part.index("}")])
            if values[k - 1] is not None:
                out.append(part)
            i = j + 1
        else:
            out.append(tmpl[i])
            i += 1
    line = "".join(out)
    args = []
    for word in line.split():
        if word.startswith("{"):
            k = int(word[1:-1])
            v = values[k - 1]
            if BOOL_OPTION.get(fn) == k:
                v = "--correct" if v in ("1", "TRUE") else "--no-correct"
            args.append(v if v is not None else "")
        else:
            args.append(word)
    return args


def run_cli(args):
    r = subprocess.run([CLI, "--data", DATA, *args, "--format", "json"], capture_output=True, text=True)
    try:
        return r.returncode, json.loads(r.stdout)
    except ValueError:
        return r.returncode, {"error": {"message_en": r.stderr, "message_zh": r.stderr}}




def from_cli(fn, values):
    """The expected cell from the CLI's answer: ("n", v), ("t", en, zh) or
    ("err", code, en, zh)."""
    rc, e = run_cli(cli_args(fn, values))
    key = COMMANDS[fn][1]
    if fn.startswith("REASONS"):
        if "error" in e:
            return ("t", e["error"]["message_en"], e["error"]["message_zh"])
        if values[5] is None:   # no lang: the UI's
            return ("t", reasons(e, "en"), reasons(e, "zh"))
        return ("t", reasons(e, values[5]), reasons(e, values[5]))
    if "error" in e:
        return ("err", 502, e["error"]["message_en"].strip(), e["error"]["message_zh"].strip())
    if fn.startswith("CHECK"):
        if e["status"] != "ok":
            first = [x for x in e["reasons"] if x["decisive"]][0]
            return ("err", 502, first["message_en"], first["message_zh"])
        if e["eligible"] is None:
            return ("t", e["outcome_en"], e["outcome_zh"])
        return ("n", 1 if e["eligible"] else 0)
    if fn == "PROGRESSIONRATE":
        key = {"zhuanke": "zhuanke_rate", "benke": "benke_rate"}.get(values[3], "total_rate")
    v = e
    for part in key.split("."):
        v = v[part]
    return ("n", v)


def expected(fn, base, arg, kind, token):
    values = [str(v) if not isinstance(v, float) else "%.15g" % v for v in base]
    if token in FRAG:
        en, zh = FRAG[token]
        return ("err", 502, en, zh)
    if token == "E":
        return ("err", DIV0, "", "")
    if token == "V":
        return ("v",)
    if token.startswith("X:"):
        en, zh = token[2:].split("/")
        return ("err", 502, en, zh)
    if token == "D":
        values[arg - 1] = None
        return from_cli(fn, values)
    if token in ("C", "M"):
        values[arg - 1] = CLI_TEXT[kind]
        return from_cli(fn, values)
    raise SystemExit("bad token %r" % token)


def sentence_fn(fn):
    """Functions that answer a bad input with its sentence, not Err:502."""
    return fn.startswith("REASONS") or fn in ("CHECKREASONS", "EXPLAIN")


def cell_xml(v):
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, tuple):
        return "<table:table-cell table:formula=%s/>" % quoteattr("of:=" + v[1])
    if isinstance(v, (int, float)):
        return '<table:table-cell office:value-type="float" office:value="%r"/>' % v
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)


def base_values(text):
    out = []
    for v in text.split("|"):
        try:
            out.append(float(v))
        except ValueError:
            out.append(v)
    return out


def gen(sheet, expect_path):
    rows, expect = [], []
    with open(os.path.join(HERE, "bad_inputs.csv"), encoding="utf-8") as fh:
        table = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    for t in table:
        fn, arg, base = t["function"], int(t["arg"]), base_values(t["base"])
        for kind in KINDS:
            r = len(rows)
            vals = list(base)
            vals[arg - 1] = INPUT[kind]
            refs = ";".join("[.%s%d]" % (col(DATA_COL + k), r + 1) for k in range(len(vals)))
            cells = {0: ("f", "%s%s(%s)" % (P, fn, refs))}
            if not sentence_fn(fn):
                cells[1] = ("f", '%sEXPLAIN("%s";%s)' % (P, fn, refs))
            for k, v in enumerate(vals):
                cells[DATA_COL + k] = v
            rows.append(cells)
            exp = expected(fn, base, arg, kind, t[kind])
            expect.append({"row": r, "label": "%s arg %d %s" % (fn, arg, kind), "reasons": sentence_fn(fn),
                           "expect": exp})
    with open(sheet, "w", encoding="utf-8") as fh:
        fh.write(FODS_HEAD % "Bad")
        for cells in rows:
            fh.write("<table:table-row>")
            for c in range(max(cells) + 1):
                v = cells.get(c)
                fh.write(cell_xml(v) if not (isinstance(v, tuple) and v[0] == "f") else
                         "<table:table-cell table:formula=%s/>" % quoteattr("of:=" + v[1]))
            fh.write("</table:table-row>\n")
        fh.write(FODS_TAIL)
    with open(expect_path, "w", encoding="utf-8") as fh:
        json.dump(expect, fh, ensure_ascii=False)
    return 0


def compare(expect_path, cells_path, lang):
    with open(expect_path, encoding="utf-8") as fh:
        expect = json.load(fh)
    with open(cells_path, encoding="utf-8") as fh:
        cells = json.load(fh)
    bad = 0
    zh = lang == "zh"
    for e in expect:
        got = cells[e["row"]]
        a, b = got[0], got[1] if len(got) > 1 else None
        x = e["expect"]
        why = None
        if x[0] == "n":
            if a["err"] or a["string"] or abs(a["value"] - x[1]) > 1e-12 * max(1.0, abs(x[1])):
                why = "want %r" % x[1]
        elif x[0] == "t":
            want = x[2] if zh else x[1]
            if a["err"] or a["string"] != want:
                why = "want the text %r" % want
        elif x[0] == "v":
            if a["err"]:
                why = "want a value"
        else:
            code, frag = x[1], x[3] if zh else x[2]
            if code != 502:
                if a["err"] != code:
                    why = "want Err:%d" % code
            elif e["reasons"]:
                if a["err"] or frag not in a["string"]:
                    why = "want a sentence with %r" % frag
            elif a["err"] != code:
                why = "want Err:%d" % code
            elif code == 502 and (b is None or frag not in b["string"] or b["string"] in ("no error", "没有错误")):
                why = "want ZJ.EXPLAIN to say %r" % frag
        if why:
            bad += 1
            if bad <= 40:
                print("FAIL %s: got %r / explain %r; %s" % (e["label"], a, b and b["string"], why))
    print("%d bad-input cases (%s UI), %d differ" % (len(expect), lang, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        sys.exit(gen(sys.argv[2], sys.argv[3]))
    sys.exit(compare(sys.argv[2], sys.argv[3], sys.argv[4]))
