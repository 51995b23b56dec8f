#!/usr/bin/python3
"""calc_cases.py — the Calc add-in's test sheet and its expected values.

  calc_cases.py gen SHEET.fods EXPECT.json   writes a flat ODF sheet whose
      formulas call the add-in's functions, and the CLI's answer for every
      cell (computed here by running `zhijiao`, $ZJ_CLI, on the same input)
  calc_cases.py compare EXPECT.json RESULT.csv   compares the cells Calc
      computed (the sheet converted to CSV headlessly) with those answers

Numbers must agree to 1e-12 relative (both sides print 15 significant
digits of the same double); texts exactly; bad inputs must be Err:502.
Layout: one case per row; results from column A, the case's input data
from column P (so ranges can point at them); array results (plan table)
at the bottom.
"""
import csv
import json
import os
import subprocess
import tempfile
import sys
from calc_common import col, reasons
from xml.sax.saxutils import escape, quoteattr

CLI = os.environ.get("ZJ_CLI", "zhijiao")
DATA = os.environ.get("ZHIJIAO_DATA", "data")
SRC = os.environ.get("ZJ_TEST_SRCDIR", ".")
P = "ORG.ZHIJIAO.CALC.ZHIJIAO."
DATA_COL = 15  # column P


def cli(*args, ok=(0, 1)):
    r = subprocess.run([CLI, "--data", DATA, *args, "--format", "json"],
                       capture_output=True, text=True)
    if r.returncode not in ok:
        raise SystemExit("CLI failed: %s\n%s" % (" ".join(args), r.stderr))
    return json.loads(r.stdout)




def q(s):
    return '"' + s.replace('"', '""') + '"'


class Sheet:
    def __init__(self):
        self.rows = []      # each: dict col -> ("f", formula, span) | ("v", value)
        self.expect = []    # (row, col, kind, value, label)

    def row(self):
        self.rows.append({})
        return len(self.rows) - 1

    def data(self, r, values):
        """Input cells from column P; returns the range reference."""
        for k, v in enumerate(values):
            self.rows[r][DATA_COL + k] = ("v", v)
        return "[.%s%d:.%s%d]" % (col(DATA_COL), r + 1, col(DATA_COL + len(values) - 1), r + 1)

    def formula(self, r, c, f, expect, label, span=None):
        self.rows[r][c] = ("f", f, span)
        if span is None:
            self.expect.append((r, c, expect[0], expect[1], label))
        else:
            rows, cols = span
            for i in range(rows):
                for j in range(cols):
                    kind, val = expect[i][j]
                    self.expect.append((r + i, c + j, kind, val, "%s[%d,%d]" % (label, i, j)))

    def fods(self):
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" '
               'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
               '<office:body><office:spreadsheet><table:table table:name="Tests">\n']
        for cells in self.rows:
            out.append("<table:table-row>")
            last = max(cells) if cells else -1
            for c in range(last + 1):
                cell = cells.get(c)
                if cell is None:
                    out.append("<table:table-cell/>")
                elif cell[0] == "f":
                    span = ""
                    if cell[2]:
                        span = (' table:number-matrix-rows-spanned="%d" '
                                'table:number-matrix-columns-spanned="%d"' % cell[2])
                    out.append("<table:table-cell table:formula=%s%s/>" % (quoteattr("of:=" + cell[1]), span))
                else:
                    v = cell[1]
                    if v is None:
                        out.append("<table:table-cell/>")
                    elif isinstance(v, (int, float)):
                        out.append('<table:table-cell office:value-type="float" office:value="%r"><text:p>%r</text:p></table:table-cell>' % (v, v))
                    else:
                        out.append('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v))
            out.append("</table:table-row>\n")
        out.append("</table:table></office:spreadsheet></office:body></office:document>\n")
        return "".join(out)


def num(v):
    return ("n", v) if v is not None else ("t", "")


def build():
    s = Sheet()
    err = ("t", "Err:502")

    # rates with intervals: every method, two levels
    for x, n in [(3138, 3953), (0, 20), (20, 20), (1, 3)]:
        for method in ["wilson", "wilson-cc", "clopper-pearson", "agresti-coull", "jeffreys", "wald"]:
            for conf in [None, 0.9]:
                args = ["rate", str(x), str(n), "--method", method] + (["--conf", str(conf)] if conf else [])
                e = cli(*args)
                r = s.row()
                ref = s.data(r, [x, n, method] + ([conf] if conf else []))
                # each cell as a 1x1 range: a 0 in a single cell may be a blank
                # one (Calc passes both as 0), so only a range gives x = 0
                a = ";".join("[.%s%d:.%s%d]" % (cl, r + 1, cl, r + 1) for cl in ("PQRS" if conf else "PQR"))
                lab = "rate %d/%d %s %s" % (x, n, method, conf)
                s.formula(r, 0, P + "RATEESTIMATE(%s)" % a, num(e["rate"]), lab + " rate")
                s.formula(r, 1, P + "RATELOWER(%s)" % a, num(e["lower"]), lab + " lower")
                s.formula(r, 2, P + "RATEUPPER(%s)" % a, num(e["upper"]), lab + " upper")
                s.formula(r, 3, P + "RATECI(%s)" % a, [[num(e["rate"]), num(e["lower"]), num(e["upper"])]],
                          lab + " ci", span=(1, 3))
                del ref
    # text arguments are read as the CLI reads them (zj_parse_number):
    # "3", full-width digits and blanks are numbers, hexadecimal is not
    e = cli("rate", "3", "10")
    r = s.row()
    s.formula(r, 0, P + 'RATEESTIMATE("3";"10")', num(e["rate"]), "rate of text 3/10")
    s.formula(r, 1, P + 'RATELOWER("\uff13";" 10 ")', num(e["lower"]), "rate of full-width text")
    s.formula(r, 2, P + 'RATEUPPER("0x3";10)', err, "rate of hexadecimal text")

    # the count behind each published percentage: the same as zhijiao demo
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([CLI, "--data", DATA, "demo", "--out", tmp], check=True, capture_output=True)
        with open(os.path.join(tmp, "indicators.csv"), encoding="utf-8") as fh:
            published = [x for x in csv.DictReader(fh) if x["published_pct"]]
    for p in published:
        dec = len(p["published_pct"].partition(".")[2])
        r = s.row()
        s.data(r, [float(p["published_pct"]), float(p["n"])])
        s.formula(r, 0, P + "PERCENTCOUNT([.P%d];[.Q%d];%d)" % (r + 1, r + 1, dec), num(float(p["x"])),
                  "count behind %s%% of %s" % (p["published_pct"], p["n"]))
    r = s.row()
    s.formula(r, 0, P + "PERCENTCOUNT(95.005;100;2)", err, "percent with more places than stated")

    # bad inputs of the rate family: all Err:502
    for args, lab in [('7;5', "x>n"), ('3;0', "n=0"), ('"abc";5', "text x"), ('1.5;5', "fractional x"),
                      ('1;5;"nosuch"', "bad method"), ('1;5;"wilson";1.2', "conf>1"), ('-1;5', "negative x")]:
        r = s.row()
        for k, fn in enumerate(["RATEESTIMATE", "RATELOWER", "RATEUPPER"]):
            s.formula(r, k, P + fn + "(" + args + ")", err, "bad rate " + lab + " " + fn)
    # pooled rates over ranges
    for xs, ns in [([12, 30, 7], [20, 41, 9]), ([3138], [3953])]:
        e = cli("pooled", "--x", ",".join(map(str, xs)), "--n", ",".join(map(str, ns)))
        r = s.row()
        rx = s.data(r, xs + ns)
        x_ref = "[.P%d:.%s%d]" % (r + 1, col(DATA_COL + len(xs) - 1), r + 1)
        n_ref = "[.%s%d:.%s%d]" % (col(DATA_COL + len(xs)), r + 1, col(DATA_COL + 2 * len(xs) - 1), r + 1)
        del rx
        p = e["pooled"]
        s.formula(r, 0, P + "POOLEDRATE(%s;%s)" % (x_ref, n_ref),
                  [[num(p["rate"]), num(p["lower"]), num(p["upper"])]], "pooled %s" % xs, span=(1, 3))
        s.formula(r, 3, P + "MEANOFRATES(%s;%s)" % (x_ref, n_ref), num(e["mean_of_rates"]), "mean of rates %s" % xs)
    # rates of a whole table of counts in one call (ZJ.RATE.TABLE): a row
    # with a blank count says so in its first column
    xs, ns = [3138, 0, 20, 1, None], [3953, 20, 20, 3, 10]
    r0 = len(s.rows)
    for _ in xs:
        s.row()
    exp = []
    for i, (x, n) in enumerate(zip(xs, ns)):
        s.rows[r0 + i][DATA_COL] = ("v", x)
        s.rows[r0 + i][DATA_COL + 1] = ("v", n)
        if x is None:
            exp.append([("t", "row %d: x is blank" % (i + 1)), ("t", ""), ("t", "")])
        else:
            e = cli("rate", str(x), str(n))
            exp.append([num(e["rate"]), num(e["lower"]), num(e["upper"])])
    s.formula(r0, 0, P + "RATETABLE([.P%d:.P%d];[.Q%d:.Q%d])" % (r0 + 1, r0 + len(xs), r0 + 1, r0 + len(xs)),
              exp, "rate table", span=(len(xs), 3))
    # difference of two rates
    for a in [(30, 50, 20, 50), (3138, 3953, 3000, 3900)]:
        for correct in [True, False]:
            e = cli("diff", *map(str, a), "--correct" if correct else "--no-correct")
            r = s.row()
            lit = ";".join(map(str, a))
            # FALSE as a single value is 0, which may be a blank cell: a 1x1
            # range holding FALSE says it is meant
            s.data(r, [0 if not correct else 1])
            c = "TRUE()" if correct else "[.P%d:.P%d]" % (r + 1, r + 1)
            s.formula(r, 0, P + "RATEDIFF(%s;0.95;%s)" % (lit, c),
                      [[num(e["diff"]), num(e["lower"]), num(e["upper"])]], "diff %s %s" % (a, correct), span=(1, 3))
            s.formula(r, 3, P + "RATEDIFFP(%s;%s)" % (lit, c), num(e["p_value"]), "diff p %s %s" % (a, correct))
    # rates under a design (ZJ.RATE.DESIGN), as zhijiao rate --census /
    # --population: a census has no interval (empty lower and upper)
    for x, n, design, pop, method, conf in [(30, 40, "census", None, None, None), (0, 20, "census", None, None, None),
                                            (30, 40, "sample", None, "jeffreys", 0.9),
                                            (30, 40, "finite", 100, "wald", 0.9), (30, 40, "finite", 40, None, None),
                                            (3138, 3953, "finite", 5000, "wilson", None)]:
        args = ["rate", str(x), str(n)] + (["--census"] if design == "census" else []) + \
            (["--population", str(pop)] if pop else []) + (["--method", method] if method else []) + \
            (["--conf", str(conf)] if conf else [])
        e = cli(*args)
        r = s.row()
        s.data(r, [x, n])
        a = "[.P%d:.P%d];[.Q%d:.Q%d];%s" % (r + 1, r + 1, r + 1, r + 1, q(design))
        opt = [str(pop) if pop else "", q(method) if method else "", str(conf) if conf else ""]
        while opt and not opt[-1]:
            opt.pop()
        if opt:
            a += ";" + ";".join(opt)
        s.formula(r, 0, P + "RATEDESIGN(%s)" % a, [[num(e["rate"]), num(e["lower"]), num(e["upper"])]],
                  "rate design %d/%d %s %s" % (x, n, design, pop), span=(1, 3))
    r = s.row()
    for k, (f, lab) in enumerate([('RATEDESIGN(3;10;"nosuch")', "unknown design"),
                                  ('RATEDESIGN(3;10;"finite";5)', "population < n"),
                                  ('RATEDESIGN(3;10;"finite")', "finite without population")]):
        s.formula(r, k, P + f, err, "bad " + lab)
    # schools as clusters (ZJ.CLUSTER), as zhijiao cluster
    for xs, ns, conf in [([12, 30, 7, 19], [20, 41, 9, 25], None), ([0, 5, 9], [10, 10, 12], 0.9)]:
        e = cli("cluster", "--x", ",".join(map(str, xs)), "--n", ",".join(map(str, ns)),
                *(["--conf", str(conf)] if conf else []))
        r = s.row()
        s.data(r, xs + ns)
        x_ref = "[.P%d:.%s%d]" % (r + 1, col(DATA_COL + len(xs) - 1), r + 1)
        n_ref = "[.%s%d:.%s%d]" % (col(DATA_COL + len(xs)), r + 1, col(DATA_COL + 2 * len(xs) - 1), r + 1)
        s.formula(r, 0, P + "CLUSTERRATES(%s;%s%s)" % (x_ref, n_ref, ";%s" % conf if conf else ""),
                  [[num(e[k]) for k in ("pooled", "lower", "upper", "mean_of_rates", "mean_lower", "mean_upper")]],
                  "cluster %s" % xs, span=(1, 6))
    r = s.row()
    s.data(r, [3, 10])
    s.formula(r, 0, P + "CLUSTERRATES([.P%d];[.Q%d])" % (r + 1, r + 1), err, "cluster of one school")
    # the exact change between two censuses (ZJ.RATE.CHANGE), as zhijiao diff --census
    for a in [(30, 40, 20, 40), (3138, 3953, 3000, 3900), (0, 10, 5, 10)]:
        e = cli("diff", *map(str, a), "--census")
        r = s.row()
        s.data(r, list(a))
        refs = ";".join("[.%s%d:.%s%d]" % (cl, r + 1, cl, r + 1) for cl in "PQRS")
        s.formula(r, 0, P + "RATECHANGE(%s)" % refs, num(e["diff"]), "census change %s" % (a,))
    r = s.row()
    s.formula(r, 0, P + "RATECHANGE(5;4;1;2)", err, "census change x > n")

    # scores: empty cells are missing
    marks = [72, 88, None, 59, 91, 60, 85]
    e = cli("scores", "--values", ",".join("NA" if m is None else str(m) for m in marks))
    r = s.row()
    ref = s.data(r, marks)
    s.formula(r, 0, P + "PASSRATE(%s)" % ref, num(e["pass_rate"]), "pass rate")
    s.formula(r, 1, P + "EXCELLENTRATE(%s)" % ref, num(e["excellent_rate"]), "excellent rate")
    s.formula(r, 2, P + "SCOREMEAN(%s)" % ref, num(e["mean"]), "score mean")
    e2 = cli("scores", "--values", ",".join("NA" if m is None else str(m) for m in marks), "--pass", "70", "--excellent", "90")
    s.formula(r, 3, P + "PASSRATE(%s;70)" % ref, num(e2["pass_rate"]), "pass rate 70")
    s.formula(r, 4, P + "EXCELLENTRATE(%s;90)" % ref, num(e2["excellent_rate"]), "excellent rate 90")
    # completion, progression, transfer, composite
    r = s.row()
    e = cli("completion", "2617", "2800")
    s.formula(r, 0, P + "COMPLETIONRATE(2617;2800)", num(e["completion"]), "completion")
    e = cli("progression", "1000", "600", "250")
    s.formula(r, 1, P + "PROGRESSIONRATE(1000;600;250)", num(e["total_rate"]), "progression total")
    s.formula(r, 2, P + "PROGRESSIONRATE(1000;600;250;\"zhuanke\")", num(e["zhuanke_rate"]), "progression zhuanke")
    s.formula(r, 3, P + "PROGRESSIONRATE(1000;600;250;\"benke\")", num(e["benke_rate"]), "progression benke")
    e = cli("transfer-rate", "180", "200")
    s.formula(r, 4, P + "TRANSFERRATE(180;200)", num(e["rate"]), "transfer")
    e = cli("composite", "--weights", "0.3,0.3,0.1,0.3", "--scores", "80,90,70,85")
    ref = s.data(r, [80, 90, 70, 85, 0.3, 0.3, 0.1, 0.3])
    sc = "[.P%d:.S%d]" % (r + 1, r + 1)
    w = "[.T%d:.W%d]" % (r + 1, r + 1)
    s.formula(r, 5, P + "COMPOSITESCORE(%s;%s)" % (sc, w), num(e["composite"]), "composite")
    r = s.row()
    for k, (f, lab) in enumerate([("COMPLETIONRATE(1;0)", "plan 0"), ("PROGRESSIONRATE(10;8;5)", "more than graduates"),
                                  ("TRANSFERRATE(5;4)", "transfer > cohort"), ("COMPOSITESCORE(%s;[.P%d:.S%d])" % (sc, r, r), "weights not 1"),
                                  ("PASSRATE(\"x\")", "text scores")]):
        s.formula(r, k, P + f, err, "bad " + lab)

    # the gtpy.admission check on the sample candidates, by reference
    with open(os.path.join(DATA, "samples", "candidates.csv"), encoding="utf-8") as fh:
        cands = list(csv.DictReader(fh))
    fields = ["jurisdiction", "year", "has_qualification", "beijing_hukou", "score"]
    for c in cands:
        args = ["check", "gtpy.admission"]
        for f in fields:
            args += ["--" + f, c[f]]
        e = cli(*args, ok=(0, 1, 2))
        r = s.row()
        vals = []
        for f in fields:
            v = c[f]
            try:
                vals.append(float(v) if f in ("year", "score") else v)
            except ValueError:
                vals.append(v)
        # an empty field is given as "" (Calc passes an empty single cell
        # to add-ins as 0, see plugin/README.md)
        for k, v in enumerate(vals):
            if v == "":
                s.rows[r][DATA_COL + k] = ("f", '""', None)
            else:
                s.rows[r][DATA_COL + k] = ("v", int(v) if isinstance(v, float) and v.is_integer() else v)
        # 1x1 ranges: a score of 0 in a single cell would be taken as blank
        a = ";".join("[.%s%d:.%s%d]" % (col(DATA_COL + k), r + 1, col(DATA_COL + k), r + 1) for k in range(len(fields)))
        lab = "gtpy.admission %s" % c["id"]
        if e["status"] != "ok":
            out = err
        elif e["eligible"] is None:
            out = ("t", e["outcome_en"])
        else:
            out = ("n", 1 if e["eligible"] else 0)
        s.formula(r, 0, P + "CHECKGTPYADMISSION(%s)" % a, out, lab + " outcome")
        for k, lang in [(1, "en"), (2, "zh")]:
            s.formula(r, k, P + "REASONSGTPYADMISSION(%s;%s)" % (a, q(lang)), ("t", reasons(e, lang)),
                      lab + " reasons " + lang)
        # the generic ZJ.CHECK with a names range and a values range
        s.rows[r][DATA_COL + 6] = ("v", None)
        for k, f in enumerate(fields):
            s.rows[r][DATA_COL + 7 + k] = ("v", f)
        names = "[.%s%d:.%s%d]" % (col(DATA_COL + 7), r + 1, col(DATA_COL + 11), r + 1)
        values = "[.%s%d:.%s%d]" % (col(DATA_COL), r + 1, col(DATA_COL + 4), r + 1)
        s.formula(r, 3, P + "CHECKOUTCOME(\"gtpy.admission\";%s;%s)" % (names, values), out, lab + " generic")

    # plan look-ups, 2023 and 2024
    for year in (2023, 2024):
        plan = cli("plan", "--year", str(year))["entries"]
        seen = {}
        for p in plan:
            seen[(p["school"], p["major"])] = seen.get((p["school"], p["major"]), 0) + 1
        for p in plan[:12]:
            if seen[(p["school"], p["major"])] != 1:
                continue
            r = s.row()
            s.data(r, [p["school"], p["major"]])
            a = "%d;[.P%d];[.Q%d]" % (year, r + 1, r + 1)
            lab = "plan %d %s %s" % (year, p["school"], p["major"])
            s.formula(r, 0, P + "PLANPLACES(%s)" % a, num(p["places"]) if p["places"] is not None else err, lab + " places")
            s.formula(r, 1, P + "PLANPARTNER(%s)" % a, ("t", p["partner"]), lab + " partner")
            s.formula(r, 2, P + "PLANPARTNERMAJOR(%s)" % a, ("t", p["partner_major"]), lab + " partner major")
    r = s.row()
    s.formula(r, 0, P + "PLANPLACES(2023;\"没有这所学校\";\"机电一体化技术\")", err, "plan unknown school")
    s.formula(r, 1, P + "PLANPLACES(1999;\"a\";\"b\")", err, "plan year without table")

    # a whole plan table as an array
    plan = cli("plan", "--year", "2024")["entries"]
    keys = ["year", "programme", "school", "major", "major_code", "partner", "partner_major", "places", "table", "line"]
    heads = ["年份 year", "项目 programme", "学校 school", "专业 major", "专业代码 major code", "合作院校 partner",
             "合作专业 partner major", "计划数 places", "来源表 table", "行号 line"]
    exp = [[("t", h) for h in heads]]
    for p in plan:
        exp.append([num(p[k]) if k in ("year", "places", "line") else ("t", p[k]) for k in keys])
    r = s.row()
    for _ in range(len(exp) - 1):
        s.row()
    s.formula(r, 0, P + "PLANTABLE(2024)", exp, "plan table 2024", span=(len(exp), len(keys)))

    # what is due (ZJ.DEADLINES) against `zhijiao deadlines`: a year and a
    # date in Chinese; every year without a date (0 and "" as a blank) in
    # English; a day that does not exist is an error
    dheads = [("t", h) for h in ["截止 due", "状态 status", "事项 what", "规则 rules", "来源 source"]]
    for fargs, cargs, lang in (('2024;"2024-02-01";"zh"', ("--year", "2024", "--date", "2024-02-01"), "zh"),
                               ('0;"";"en"', (), "en")):
        due = cli("deadlines", *cargs)
        exp = [dheads]
        for d in due:
            exp.append([("t", d["due"]), ("t", d["status_" + lang] or ""), ("t", d["what_" + lang]),
                        ("t", "%s %s %d" % (d["jurisdiction"], d["programme"], d["year"])), ("t", d["citation"])])
        r = s.row()
        for _ in range(len(exp) - 1):
            s.row()
        s.formula(r, 0, P + "DEADLINES(%s)" % fargs, exp, "deadlines " + fargs, span=(len(exp), 5))
    r = s.row()
    s.formula(r, 0, P + 'DEADLINES(2024;"2024-02-30")', err, "deadlines bad date")
    return s




def compare(expect_path, csv_path):
    with open(expect_path, encoding="utf-8") as fh:
        expect = json.load(fh)
    with open(csv_path, encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    bad = 0
    for r, c, kind, val, label in expect:
        got = rows[r][c] if r < len(rows) and c < len(rows[r]) else "<missing>"
        if kind == "n":
            try:
                g = float(got)
                ok = abs(g - val) <= 1e-12 * max(1.0, abs(val))
            except ValueError:
                ok = False
        else:
            ok = got == val
        if not ok:
            bad += 1
            if bad <= 30:
                print("FAIL %s (%s%d): got %r, CLI says %r" % (label, col(c), r + 1, got, val))
    print("%d cells compared, %d differ" % (len(expect), bad))
    return 1 if bad else 0


def main():
    if sys.argv[1] == "gen":
        s = build()
        with open(sys.argv[2], "w", encoding="utf-8") as fh:
            fh.write(s.fods())
        with open(sys.argv[3], "w", encoding="utf-8") as fh:
            json.dump(s.expect, fh, ensure_ascii=False)
        return 0
    return compare(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    sys.exit(main())
