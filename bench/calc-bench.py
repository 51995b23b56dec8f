#!/usr/bin/python3
"""calc-bench.py OUTDIR — writes flat ODF sheets of 10,000 generated
candidates (jurisdiction, year, qualification, hukou, score):
  data.fods    the data alone (the cost of loading and converting)
  addin.fods   + the add-in's eligibility function in every row
  native.fods  + the same rule as native IF/AND formulas
  table.fods   a header row + one array formula ZJ.CHECK.TABLE over the
               whole table, only the eligible column
  reasons.fods the same asking for eligible, outcome and reasons
  nullcall.fods the same refused at once (an unknown column)
run by bench/calc-bench.sh, which converts each headlessly and times it."""
import random
import sys

ROWS = 10000
random.seed(42)
rows = []
for i in range(ROWS):
    rows.append(("beijing", 2024, random.choice(["是", "是", "是", "否"]),
                 random.choice(["是", "是", "否"]), random.randint(380, 670)))

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>'
        '<office:spreadsheet><table:table table:name="C">\n')
TAIL = "</table:table></office:spreadsheet></office:body></office:document>\n"


def cell(v):
    if isinstance(v, int):
        return '<table:table-cell office:value-type="float" office:value="%d"/>' % v
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % v


def write(path, formula):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEAD)
        for i, r in enumerate(rows, 1):
            fh.write("<table:table-row>" + "".join(cell(v) for v in r))
            if formula:
                fh.write('<table:table-cell table:formula="of:=%s"/>' % (formula % ((i,) * 5)))
            fh.write("</table:table-row>\n")
        fh.write(TAIL)


def write_table(path, columns):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEAD)
        fh.write("<table:table-row>" + "".join(cell(v) for v in
                 ("jurisdiction", "year", "has_qualification", "beijing_hukou", "score")))
        fh.write('<table:table-cell table:formula="of:=ORG.ZHIJIAO.CALC.ZHIJIAO.CHECKTABLE(&quot;gtpy.admission&quot;;'
                 '[.A1:.E%d];&quot;%s&quot;;&quot;zh&quot;)" table:number-matrix-rows-spanned="%d" '
                 'table:number-matrix-columns-spanned="%d"/>' % (ROWS + 1, columns, ROWS + 1, columns.count(",") + 1))
        fh.write("</table:table-row>\n")
        for r in rows:
            fh.write("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>\n")
        fh.write(TAIL)


out = sys.argv[1]
write(out + "/data.fods", None)
write(out + "/addin.fods", "ORG.ZHIJIAO.CALC.ZHIJIAO.CHECKGTPYADMISSION([.A%d];[.B%d];[.C%d];[.D%d];[.E%d])")
write_table(out + "/table.fods", "eligible")
write_table(out + "/reasons.fods", "eligible,outcome,reasons")
# the same call refused at once (an unknown column): what LibreOffice's
# argument conversion and the call cost without any work of the add-in
write_table(out + "/nullcall.fods", "nosuch")
write(out + "/native.fods",
      "IF(AND([.A%d]=&quot;beijing&quot;;[.B%d]=2024;[.C%d]=&quot;是&quot;;[.D%d]=&quot;是&quot;;[.E%d]&gt;=490);1;0)")
