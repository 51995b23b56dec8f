# workbook_check.py — run inside LibreOffice (Python script provider) by
# run-calc-tests.sh in each UI language: opens $ZJ_WB_IN (the officer's
# workbook), recalculates it and checks what an officer relies on; writes
# "ok ..." / "not ok ..." lines to $ZJ_WB_CHECK_OUT (appending).
import os

import uno


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def check(*_args):
    out = open(os.environ["ZJ_WB_CHECK_OUT"], "a", encoding="utf-8")
    lang = os.environ.get("ZJ_WB_LANG", "")

    def say(ok, what):
        out.write("%s %s (%s UI)\n" % ("ok" if ok else "not ok", what, lang))
        out.flush()

    try:
        ctx = uno.getComponentContext()
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.environ["ZJ_WB_IN"]), "_blank", 0,
                                           (prop("Hidden", True),))
        doc.calculateAll()
        errors = []
        for i in range(doc.Sheets.getCount()):
            sh = doc.Sheets.getByIndex(i)
            cur = sh.createCursor()
            cur.gotoEndOfUsedArea(False)
            a = cur.RangeAddress
            for r in range(a.EndRow + 1):
                for c in range(a.EndColumn + 1):
                    if sh.getCellByPosition(c, r).getError():
                        errors.append("%s!%d,%d" % (sh.Name, r + 1, c + 1))
        say(not errors, "the workbook recalculates with no error cell %s" % errors[:5])

        sat = doc.Sheets.getByName("满意度 Satisfaction")
        charts = sat.getCharts()
        chart = charts.getByIndex(0).getEmbeddedObject()
        dia = chart.getDiagram()
        series = dia.getDataRowProperties(0)
        from_data = uno.getConstantByName("com.sun.star.chart.ErrorBarStyle.FROM_DATA")
        say(chart.HasMainTitle and chart.Title.String.strip() != "" and chart.HasLegend,
            "the chart has a title %r and a legend" % chart.Title.String)
        say(dia.HasXAxisTitle and dia.XAxisTitle.String.strip() != "" and dia.HasYAxisTitle and
            dia.YAxisTitle.String.strip() != "",
            "the chart's axes have titles %r, %r" % (dia.XAxisTitle.String, dia.YAxisTitle.String))
        say(series.ErrorBarStyle == from_data and series.ErrorBarRangePositive and series.ErrorBarRangeNegative
            and series.ErrorIndicator.value == "TOP_AND_BOTTOM",
            "the interval is drawn as error bars from the sheet (%s, %s)"
            % (series.ErrorBarRangePositive, series.ErrorBarRangeNegative))
        fmt = doc.getNumberFormats().getByKey(sat.getCellByPosition(5, 1).NumberFormat).FormatString
        say("%" in fmt and "0.00" in fmt, "rates are shown as percentages with two decimals (%r)" % fmt)

        cand = doc.Sheets.getByName("考生 Candidates")
        f = cand.getCellByPosition(7, 1).getFormula()
        outcome = cand.getCellByPosition(8, 2).getString()
        say("CHECKTABLE" in f.upper() and outcome != "",
            "the candidates sheet is decided by one ZJ.CHECK.TABLE array (%r…, first outcome %r)" % (f[:60], outcome))

        aud = doc.Sheets.getByName("审核 Audit")
        bad = []
        n = 0
        for r in range(3, 8):   # the findings' rows, under their header (sheet row 3)
            row = aud.getCellByPosition(0, r)
            if row.getError() or row.getType().value != "FORMULA" or row.getValue() == 0:
                continue
            n += 1
            sheet_row = int(row.getValue())
            found = aud.getCellByPosition(3, r)
            places = aud.getCellByPosition(16, sheet_row - 1)   # the row's value (column Q)
            # the row named holds what the finding says: the value found, or
            # no value at all (a missing cell the audit derived)
            if (found.getString() == "") != (places.getString() == "") or \
                    (found.getString() != "" and abs(found.getValue() - places.getValue()) > 1e-9):
                bad.append((sheet_row, found.getString(), places.getString()))
        say(n > 0 and not bad, "audit findings name this sheet's rows (%d findings; mismatches %r)" % (n, bad))
        doc.close(True)
    except Exception as ex:
        say(False, "workbook: exception %r" % (ex,))
    out.close()
