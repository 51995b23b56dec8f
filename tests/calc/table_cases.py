#!/usr/bin/python3
"""table_cases.py — ZJ.CHECK.TABLE against `zhijiao batch`, row for row.

  table_cases.py gen DIR      writes DIR/sample.fods (data/samples/candidates.csv)
      and DIR/generated.fods (10,000 rows of bench/gen-candidates.awk), each
      the table in columns A.. and one array formula of ZJ.CHECK.TABLE to
      its right, and DIR/*.expect.json: `zhijiao batch`'s answer ($ZJ_CLI)
  table_cases.py compare EXPECT.json RESULT.csv   compares the array Calc
      computed (the sheet converted to CSV) with it

Numbers in the table are number cells, as an officer's sheet has them;
the CLI reads the same text.  The array's columns: eligible (1, 0 or
empty), outcome, reasons with sources, reason codes (in Chinese: lang zh).
"""
import csv
import io
import json
import os
import subprocess
import sys
from calc_common import FODS_HEAD, FODS_TAIL, col
from xml.sax.saxutils import escape, quoteattr

CLI = os.environ.get("ZJ_CLI", "zhijiao")
DATA = os.environ.get("ZHIJIAO_DATA", "data")
SRC = os.environ.get("ZJ_TEST_SRCDIR", ".")
P = "ORG.ZHIJIAO.CALC.ZHIJIAO."




def cell(v):
    if v == "":
        return "<table:table-cell/>"
    try:
        f = float(v)
        return '<table:table-cell office:value-type="float" office:value="%r"/>' % f
    except ValueError:
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)


def write(path, rows):
    ncol = len(rows[0])
    out_col = ncol + 1
    formula = '%sCHECKTABLE("gtpy.admission";[.A1:.%s%d];"eligible,outcome,reasons,codes";"zh")' % (
        P, col(ncol - 1), len(rows))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(FODS_HEAD % "T")
        for r, row in enumerate(rows):
            fh.write("<table:table-row>" + "".join(cell(v) for v in row) + "<table:table-cell/>")
            if r == 0:
                fh.write('<table:table-cell table:formula=%s table:number-matrix-rows-spanned="%d" '
                         'table:number-matrix-columns-spanned="4"/>' % (quoteattr("of:=" + formula), len(rows)))
            fh.write("</table:table-row>\n")
        fh.write(FODS_TAIL)
    return out_col


def expect(csv_text):
    r = subprocess.run([CLI, "--data", DATA, "batch", "gtpy.admission", "-"], input=csv_text,
                       capture_output=True, text=True)
    if r.returncode not in (0, 2):
        raise SystemExit("zhijiao batch failed: %s" % r.stderr)
    out = [["符合", "结论", "理由与依据", "理由代码"]]
    for b in csv.DictReader(io.StringIO(r.stdout)):
        msgs = b["reasons_zh"].split(" | ") if b["reasons_zh"] else []
        srcs = b["sources"].split(" | ") if b["sources"] else [""] * len(msgs)
        reasons = " | ".join(m + ("（依据：%s）" % s if s else "") for m, s in zip(msgs, srcs))
        out.append([b["eligible"], b["outcome_zh"], reasons, b["reason_codes"]])
    return out


def gen(d):
    with open(os.path.join(DATA, "samples", "candidates.csv"), encoding="utf-8") as fh:
        sample = fh.read()
    generated = subprocess.run(["awk", "-v", "n=10000", "-f", os.path.join(SRC, "bench", "gen-candidates.awk")],
                               capture_output=True, text=True, check=True).stdout
    for name, text in (("sample", sample), ("generated", generated)):
        rows = list(csv.reader(io.StringIO(text)))
        c = write(os.path.join(d, name + ".fods"), rows)
        with open(os.path.join(d, name + ".expect.json"), "w", encoding="utf-8") as fh:
            json.dump({"col": c, "rows": expect(text)}, fh, ensure_ascii=False)
    return 0


def compare(expect_path, result_path):
    with open(expect_path, encoding="utf-8") as fh:
        e = json.load(fh)
    with open(result_path, encoding="utf-8") as fh:
        got = list(csv.reader(fh))
    c, bad = e["col"], 0
    for r, want in enumerate(e["rows"]):
        have = got[r][c:c + 4] if r < len(got) else []
        have += [""] * (4 - len(have))
        if have != want:
            bad += 1
            if bad <= 10:
                print("FAIL row %d: Calc %r, zhijiao batch %r" % (r + 1, have, want))
    print("%d rows compared with zhijiao batch, %d differ" % (len(e["rows"]), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        sys.exit(gen(sys.argv[2]))
    sys.exit(compare(sys.argv[2], sys.argv[3]))
