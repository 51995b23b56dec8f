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


def widths(sheet, cm):
    """Column widths in cm (1/100 mm in the API)."""
    for c, w in enumerate(cm):
        if w:
            sheet.getColumns().getByIndex(c).Width = int(w * 1000)


def bold_row(sheet, r, ncols):
    sheet.getCellRangeByPosition(0, r, ncols - 1, r).CharWeight = 150.0   # awt.FontWeight.BOLD


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
        "计划：招生计划表 ZJ.PLAN.TABLE（表头中文在前、英文在后）",
        "考生：规则检查表 ZJ.CHECK.TABLE——一个数组公式判定整张表（符合、结论、理由与依据，按界面语言）",
        "满意度：比率表 ZJ.RATE.TABLE（Wilson 95% 区间），图中误差线即区间",
        "审核：表格审核 ZJ.AUDIT（小计、合计与明细是否一致），行号即本表行号",
        "空白单元格是“缺失”，不会被当作 0；单元格显示错误 502 时，用 错误说明 ZJ.EXPLAIN(\"函数名\"; 相同参数) 查看原因。",
        "A blank cell is missing, never 0; when a cell shows error 502, ZJ.EXPLAIN(\"name\"; the same arguments) says why.",
    ]
    for i, t in enumerate(lines):
        put(about, i, 0, t)
    bold_row(about, 0, 1)
    widths(about, [30])

    # plans: the detail rows of each year, headers Chinese first
    plan_widths = [2.2, 2.6, 7.5, 7.5, 3.2, 5.5, 5.5, 2.6, 4.8, 2.0]
    for i, year in ((1, 2023), (2, 2024)):
        s = sheets.getByIndex(i)
        put(s, 0, 0, "%d 年贯通培养招生计划明细 / plan rows of %d" % (year, year))
        n = 1
        for f in ("gtpy_plan_%d.csv" % year, "threeplustwo_%d.csv" % year):
            path = os.path.join(data, "tables", f)
            if not os.path.exists(path):
                continue
            t = read_csv(path)
            k = t[0].index("row_kind") if "row_kind" in t[0] else None
            n += sum(1 for row in t[1:] if k is None or row[k] == "detail")
        array(s, 1, 0, n, 10, "=%sPLANTABLE(%d)" % (P, year))
        bold_row(s, 1, 10)
        widths(s, plan_widths)

    # candidates: the sample table as an officer keeps it (Chinese field
    # names as the header, blank cells where nothing is known), decided by
    # one array formula
    cands = read_csv(os.path.join(data, "samples", "candidates.csv"))
    s = sheets.getByIndex(3)
    fields_zh = {"id": "编号", "jurisdiction": "地区", "year": "年份", "has_qualification": "中考升学资格",
                 "beijing_hukou": "本市正式户籍", "score": "中招录取总分", "note": "说明"}
    put(s, 0, 0, "考生 / candidates: %s" % " · ".join("%s %s" % (fields_zh[h], h) for h in cands[0]))
    for c, h in enumerate(cands[0]):
        put(s, 1, c, fields_zh[h])
    for r, row in enumerate(cands[1:], 2):
        for c, v in enumerate(row):
            if v == "":
                continue   # a blank cell: missing
            try:
                put(s, r, c, float(v) if c in (2, 5) else v)
            except ValueError:
                put(s, r, c, v)
    ncand = len(cands)   # header + rows, from sheet row 2
    ncol = len(cands[0])
    array(s, 1, ncol, ncand, 3, '=%sCHECKTABLE("gtpy.admission";A2:%s%d;"eligible,outcome,reasons")'
          % (P, col(ncol - 1), ncand + 1))
    bold_row(s, 1, ncol + 3)
    widths(s, [1.6, 2.0, 1.4, 2.6, 2.6, 2.8, 9.0, 1.6, 3.0, 30.0])
    # Calc makes every add-in result a number; a boolean format shows the
    # eligible column as TRUE/FALSE (真/假 in the Chinese UI)
    logical = uno.getConstantByName("com.sun.star.util.NumberFormat.LOGICAL")
    key = doc.getNumberFormats().getStandardFormat(logical, uno.createUnoStruct("com.sun.star.lang.Locale"))
    s.getCellRangeByPosition(ncol, 2, ncol, ncand).NumberFormat = key

    # satisfaction: rates as published (2 decimals, %), intervals from the
    # whole-table rate function, a chart with the interval as error bars
    sat = read_csv(os.path.join(data, "tables", "satisfaction_2024.csv"))
    hi = {h: i for i, h in enumerate(sat[0])}
    s = sheets.getByIndex(4)
    heads = ["指标", "indicator", "公布比率 published", "样本量 n", "满意人数 x", "比率 rate", "下限 lower",
             "上限 upper", "误差+ error +", "误差− error −"]
    for c, h in enumerate(heads):
        put(s, 0, c, h)
    nsat = len(sat) - 1
    for r, row in enumerate(sat[1:], 1):
        put(s, r, 0, row[hi["indicator_zh"]])
        put(s, r, 1, row[hi["indicator_en"]])
        put(s, r, 2, float(row[hi["rate_pct"]]) / 100)
        put(s, r, 3, float(row[hi["respondents"]]))
        # the count behind the percentage, as zhijiao demo and R derive it
        # (C holds the rate as a fraction, shown as a percentage)
        put(s, r, 4, "=%sPERCENTCOUNT(ROUND(C%d*100;2);D%d;2)" % (P, r + 1, r + 1))
        put(s, r, 8, "=H%d-F%d" % (r + 1, r + 1))
        put(s, r, 9, "=F%d-G%d" % (r + 1, r + 1))
    array(s, 1, 5, nsat, 3, "=%sRATETABLE(E2:E%d;D2:D%d)" % (P, nsat + 1, nsat + 1))
    pct = doc.getNumberFormats().queryKey("0.00%", uno.createUnoStruct("com.sun.star.lang.Locale"), False)
    if pct < 0:
        pct = doc.getNumberFormats().addNew("0.00%", uno.createUnoStruct("com.sun.star.lang.Locale"))
    s.getCellRangeByPosition(2, 1, 2, nsat).NumberFormat = pct
    s.getCellRangeByPosition(5, 1, 9, nsat).NumberFormat = pct
    bold_row(s, 0, len(heads))
    widths(s, [7.6, 10.5, 4.2, 2.6, 3.2, 2.6, 2.6, 2.6, 3.0, 3.0])
    charts = s.getCharts()
    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle", 1000, 500 * (nsat + 3), 24000, 12000)
    rngs = []
    for c in (0, 5):   # categories, and the rate as the one series
        a = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
        a.Sheet, a.StartColumn, a.EndColumn, a.StartRow, a.EndRow = 4, c, c, 0, nsat
        rngs.append(a)
    charts.addNewByName("satisfaction", rect, tuple(rngs), True, True)
    chart = charts.getByName("satisfaction").getEmbeddedObject()
    chart.HasMainTitle = True
    chart.Title.String = "2024 年中职满意度及 95% 置信区间 / Satisfaction 2024 with 95% intervals"
    chart.HasLegend = True
    dia = chart.getDiagram()
    dia.HasXAxisTitle = True
    dia.XAxisTitle.String = "指标 / indicator"
    dia.HasYAxisTitle = True
    dia.YAxisTitle.String = "满意度 / satisfaction rate"
    series = dia.getDataRowProperties(0)
    sheet_ref = "$'%s'" % names[4]
    # chart.ErrorBarStyle.FROM_DATA: the +/- amounts from the sheet
    series.ErrorBarStyle = uno.getConstantByName("com.sun.star.chart.ErrorBarStyle.FROM_DATA")
    series.ErrorBarRangePositive = "%s.$I$2:$I$%d" % (sheet_ref, nsat + 1)
    series.ErrorBarRangeNegative = "%s.$J$2:$J$%d" % (sheet_ref, nsat + 1)
    series.ErrorIndicator = uno.Enum("com.sun.star.chart.ChartErrorIndicatorType", "TOP_AND_BOTTOM")

    # audit of the 2023 plan as published (subtotals and totals included):
    # the table from row 12, findings at the top; rows are this sheet's
    s = sheets.getByIndex(5)
    t2023 = read_csv(os.path.join(data, "tables", "gtpy_plan_2023.csv"))
    hp = {h: i for i, h in enumerate(t2023[0])}
    nrows = len(t2023) - 1
    first = 12           # sheet row of the table's first data row
    put(s, 0, 0, "2023 年计划（原表）的合计审核：小计、合计与明细是否一致 / sum audit of the 2023 plan as published")
    put(s, 1, 0, "发现的问题（行号即本表行号）/ findings (rows are this sheet's rows)")
    put(s, first - 4, 0, "2023 年计划原表（含小计、总计）/ the 2023 plan as published, subtotals and totals included")
    labels = {"year": "年份", "programme": "项目", "row_kind": "行类型", "school": "学校", "major": "专业",
              "major_code": "专业代码", "partner": "合作院校", "partner_major": "合作专业", "places": "计划数",
              "note": "备注", "source_doc": "来源文件", "source_url": "来源网址"}
    for c, h in enumerate(t2023[0]):
        put(s, first - 2, c, "%s %s" % (labels.get(h, h), h))
    array(s, first - 2, 0, nrows + 1, len(t2023[0]), '=%sBUNDLEDTABLE("gtpy_plan_2023")' % P)
    for c, h in enumerate(t2023[0]):    # the Chinese labels over the ids (hidden)
        put(s, first - 3, c, "%s %s" % (labels.get(h, h), h))
    s.getRows().getByIndex(first - 2).IsVisible = False
    kc = len(t2023[0]) + 1              # helper keys: programme, school, major; value places
    for k, h in enumerate(("审核键：项目 programme", "学校 school", "专业 major", "计划数 places")):
        put(s, first - 3, kc + k, h)
    for r in range(nrows):
        row = first + r
        put(s, row - 1, kc, "=%s%d" % (col(hp["programme"]), row))
        for k, name in ((1, "school"), (2, "major"), (3, "places")):
            put(s, row - 1, kc + k, '=IF(%s%d="";"";%s%d)' % (col(hp[name]), row, col(hp[name]), row))
    keys = "%s%d:%s%d" % (col(kc), first, col(kc + 2), first + nrows - 1)
    values = "%s%d:%s%d" % (col(kc + 3), first, col(kc + 3), first + nrows - 1)
    # header + the three findings of the bundled 2023 plan
    array(s, 2, 0, 4, 5, "=%sAUDITRANGE(%s;%s;;ROW(%s%d))" % (P, keys, values, col(kc), first))
    bold_row(s, 2, 5)
    widths(s, [2.2, 3.0, 2.4, 7.5, 14.0, 3.0, 5.5, 5.5, 2.4, 3.0, 5.0, 3.0, 0, 3.4, 7.5, 7.5, 2.4])
    s.getCellRangeByPosition(4, 3, 4, 5).IsTextWrapped = True   # the findings' sentences
    bold_row(s, first - 3, kc + 4)

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
