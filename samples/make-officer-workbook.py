#!/usr/bin/python3
"""make-officer-workbook.py — builds samples/zhijiao-officer.fods.

Run inside LibreOffice (its Python script provider) by
samples/make-officer-workbook.sh, which installs the add-in into a
throwaway profile, copies this file to the profile's Scripts/python and
starts soffice headless with the script URL; the data directory and the
output path come in ZJ_WB_DATA and ZJ_WB_OUT.

The workbook: the bundled plan tables (ZJ.PLAN.TABLE, ZJ.TABLE), the sample
candidates with the 贯通 eligibility and reasons functions, the 2024
satisfaction table with Wilson 95 % intervals and a chart, and an audit of
the 2023 plan (ZJ.AUDIT).  Formulas are stored under the add-in's
programmatic names; cached results are removed, so opening the file
recalculates it.
"""
import csv
import os
import re

import uno
from com.sun.star.beans import PropertyValue

P = "ORG.ZHIJIAO.CALC.ZHIJIAO."


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def read_csv(path):
    with open(path, encoding="utf-8") as fh:
        return list(csv.reader(fh))


def put(sheet, r, c, v):
    cell = sheet.getCellByPosition(c, r)
    if isinstance(v, (int, float)):
        cell.setValue(v)
    elif isinstance(v, str) and v.startswith("="):
        cell.setFormula(v)
    else:
        cell.setString(v)


def array(sheet, r, c, rows, cols, formula):
    rng = sheet.getCellRangeByPosition(c, r, c + cols - 1, r + rows - 1)
    rng.setArrayFormula(formula)


def build_workbook(*_args):
    ctx = uno.getComponentContext()
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        _build(ctx, desktop)
    except Exception:
        import traceback
        with open(os.environ["ZJ_WB_OUT"] + ".err", "w") as fh:
            traceback.print_exc(file=fh)
    desktop.terminate()


def _build(ctx, desktop):
    data, out = os.environ["ZJ_WB_DATA"], os.path.abspath(os.environ["ZJ_WB_OUT"])
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    names = ["说明 About", "计划 Plans 2023", "计划 Plans 2024", "考生 Candidates", "满意度 Satisfaction", "审核 Audit"]
    sheets.getByIndex(0).Name = names[0]
    for i, n in enumerate(names[1:], 1):
        sheets.insertNewByName(n, i)

    about = sheets.getByIndex(0)
    lines = [
        "职教 zhijiao — 科员工作簿 / officer's workbook",
        "需要安装 zhijiao.oxt（扩展管理器或 unopkg add）。Needs the zhijiao.oxt extension.",
        "各表均为公式，打开即按内置数据重新计算。Every figure is a formula, recalculated from the bundled data.",
        "计划：ZJ.PLAN.TABLE / 招生计划表、ZJ.TABLE / 数据表",
        "考生：ZJ.GTPY.ADMISSION / 贯通培养报考资格 与 ZJ.GTPY.ADMISSION.REASONS（理由与依据）",
        "满意度：ZJ.RATE / 比率、ZJ.RATE.LOWER、ZJ.RATE.UPPER（Wilson 95% 区间）",
        "审核：ZJ.AUDIT / 表格审核（小计、合计与明细是否一致）",
        "注意：单个空白单元格在 Calc 中以 0 传给加载项；缺失信息请写空文字 =\"\"。",
        "Note: Calc passes a blank single cell to add-ins as 0; write an empty text =\"\" for missing information.",
    ]
    for i, t in enumerate(lines):
        put(about, i, 0, t)

    # plans
    t2023 = read_csv(os.path.join(data, "tables", "gtpy_plan_2023.csv"))
    s = sheets.getByIndex(1)
    put(s, 0, 0, "2023 年贯通培养招生计划（原表，含小计、总计）/ the 2023 plan as published")
    array(s, 1, 0, len(t2023), len(t2023[0]), '=%sBUNDLEDTABLE("gtpy_plan_2023")' % P)
    s = sheets.getByIndex(2)
    put(s, 0, 0, "2024 年招生计划明细 / plan rows of 2024")
    n2024 = 1   # header + the detail rows of the 2024 plan tables
    for f in ("gtpy_plan_2024.csv", "threeplustwo_2024.csv"):
        t = read_csv(os.path.join(data, "tables", f))
        k = t[0].index("row_kind") if "row_kind" in t[0] else None
        n2024 += sum(1 for row in t[1:] if k is None or row[k] == "detail")
    array(s, 1, 0, n2024, 10, "=%sPLANTABLE(2024)" % P)

    # candidates
    cands = read_csv(os.path.join(data, "samples", "candidates.csv"))
    s = sheets.getByIndex(3)
    head = cands[0] + ["符合 eligible", "理由与依据 reasons", "reasons (en)"]
    for c, h in enumerate(head):
        put(s, 0, c, h)
    for r, row in enumerate(cands[1:], 1):
        for c, v in enumerate(row):
            if v == "" and 1 <= c <= 5:
                put(s, r, c, '=""')
                continue
            try:
                put(s, r, c, float(v) if c in (2, 5) else v)
            except ValueError:
                put(s, r, c, v)
        # each field as a 1x1 range: Calc then passes a blank cell as blank
        # (missing) and a 0 as 0 (plugin/README.md)
        a = ";".join("%s%d:%s%d" % (cl, r + 1, cl, r + 1) for cl in "BCDEF")
        # invalid rows (score above the scale, no rules for 2025, "缺考")
        # are Err:502 in the bare function; the sheet shows a word instead
        # and the reasons column says what is wrong
        put(s, r, 7, '=IFERROR(%sCHECKGTPYADMISSION(%s);"输入有误 invalid")' % (P, a))
        put(s, r, 8, '=%sREASONSGTPYADMISSION(%s;"zh")' % (P, a))
        put(s, r, 9, '=%sREASONSGTPYADMISSION(%s;"en")' % (P, a))
    # Calc makes every add-in result a number; a boolean format shows the
    # outcome as TRUE/FALSE (真/假 in the Chinese UI)
    logical = uno.getConstantByName("com.sun.star.util.NumberFormat.LOGICAL")
    key = doc.getNumberFormats().getStandardFormat(logical, uno.createUnoStruct("com.sun.star.lang.Locale"))
    s.getCellRangeByPosition(7, 1, 7, len(cands) - 1).NumberFormat = key

    # satisfaction with intervals, and a chart
    sat = read_csv(os.path.join(data, "tables", "satisfaction_2024.csv"))
    hi = {h: i for i, h in enumerate(sat[0])}
    s = sheets.getByIndex(4)
    for c, h in enumerate(["指标 indicator", "indicator", "公布% published", "样本 n", "人数 x", "比率 rate", "下限 lower", "上限 upper"]):
        put(s, 0, c, h)
    for r, row in enumerate(sat[1:], 1):
        put(s, r, 0, row[hi["indicator_zh"]])
        put(s, r, 1, row[hi["indicator_en"]])
        put(s, r, 2, float(row[hi["rate_pct"]]))
        put(s, r, 3, float(row[hi["respondents"]]))
        put(s, r, 4, "=ROUND(C%d*D%d/100;0)" % (r + 1, r + 1))
        put(s, r, 5, "=%sRATEESTIMATE(E%d;D%d)" % (P, r + 1, r + 1))
        put(s, r, 6, "=%sRATELOWER(E%d;D%d)" % (P, r + 1, r + 1))
        put(s, r, 7, "=%sRATEUPPER(E%d;D%d)" % (P, r + 1, r + 1))
    nsat = len(sat)
    charts = s.getCharts()
    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle", 1000, 500 * (nsat + 2), 22000, 11000)
    rngs = []
    for c in (0, 5, 6, 7):
        a = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
        a.Sheet, a.StartColumn, a.EndColumn, a.StartRow, a.EndRow = 4, c, c, 0, nsat - 1
        rngs.append(a)
    charts.addNewByName("satisfaction", rect, tuple(rngs), True, True)

    # audit of the 2023 plan as published: keys school, major; value places
    s = sheets.getByIndex(5)
    put(s, 0, 0, "2023 年计划的合计审核（键：学校、专业；值：计划数）/ sum audit of the 2023 plan")
    hp = {h: i for i, h in enumerate(t2023[0])}
    nrows = len(t2023) - 1
    # the plan sheet's array starts at row 2 (header), data from row 3
    kc1, kc2, vc = col(hp["programme"]), col(hp["major"]), col(hp["places"])
    plan_sheet = "$'%s'" % names[1]
    keys = "%s.%s3:%s%d" % (plan_sheet, col(hp["programme"]), col(hp["major"]), nrows + 2)
    del kc1, kc2
    values = "%s.%s3:%s%d" % (plan_sheet, vc, vc, nrows + 2)
    put(s, 1, 0, "键列 keys: %s；数值列 values: %s" % (keys, values))
    # keys: programme, school, major (the columns between are those three? no:
    # use a helper block copying them)
    for r in range(nrows):
        put(s, 3 + r, 10, "=%s.%s%d" % (plan_sheet, col(hp["programme"]), r + 3))
        put(s, 3 + r, 11, "=IF(%s.%s%d=\"\";\"\";%s.%s%d)" % (plan_sheet, col(hp["school"]), r + 3, plan_sheet, col(hp["school"]), r + 3))
        put(s, 3 + r, 12, "=IF(%s.%s%d=\"\";\"\";%s.%s%d)" % (plan_sheet, col(hp["major"]), r + 3, plan_sheet, col(hp["major"]), r + 3))
        put(s, 3 + r, 13, "=IF(%s.%s%d=\"\";\"\";%s.%s%d)" % (plan_sheet, vc, r + 3, plan_sheet, vc, r + 3))
    put(s, 2, 10, "programme"); put(s, 2, 11, "school"); put(s, 2, 12, "major"); put(s, 2, 13, "places")
    # header + the three derived findings of the bundled 2023 plan
    array(s, 2, 0, 4, 5, "=%sAUDITRANGE(K4:M%d;N4:N%d;\"zh\")" % (P, nrows + 3, nrows + 3))

    doc.calculateAll()
    url = uno.systemPathToFileUrl(out)
    doc.storeToURL(url, (prop("FilterName", "OpenDocument Spreadsheet Flat XML"),))
    doc.close(True)

    # drop cached results: opening the file recalculates it
    with open(out, encoding="utf-8") as fh:
        x = fh.read()

    def strip(m):
        cell = m.group(0)
        cell = re.sub(r' office:(value|string-value|boolean-value|value-type|date-value)="[^"]*"', "", cell)
        return re.sub(r' calcext:value-type="[^"]*"', "", cell)
    x = re.sub(r'<table:table-cell [^>]*table:formula="[^"]*"[^>]*>', strip, x)
    x = re.sub(r'(<table:table-cell [^>]*table:formula="[^"]*"[^>/]*>)<text:p>.*?</text:p>', r"\1", x)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(x)


g_exportedScripts = (build_workbook,)
