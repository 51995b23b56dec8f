# sheet_eval.py — run inside LibreOffice (Python script provider) by
# run-calc-tests.sh in each UI language: opens $ZJ_EVAL_IN, recalculates it
# and writes, for every row, columns A and B (error code, value, text) to
# $ZJ_EVAL_OUT as JSON.  The error code is what a cell shows as Err:NNN.
import json
import os

import uno


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def evaluate(*_args):
    ctx = uno.getComponentContext()
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    out = []
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.environ["ZJ_EVAL_IN"]), "_blank", 0,
                                           (prop("Hidden", True),))
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        for r in range(cur.RangeAddress.EndRow + 1):
            row = []
            for c in range(2):
                cell = sheet.getCellByPosition(c, r)
                # com.sun.star.sheet.FormulaResult: VALUE 1, STRING 2, ERROR 4
                text = cell.getPropertyValue("FormulaResultType2") == 2
                row.append({"err": cell.getError(), "value": cell.getValue(),
                            "string": cell.getString() if text else ""})
            out.append(row)
        doc.close(True)
    finally:
        with open(os.environ["ZJ_EVAL_OUT"], "w", encoding="utf-8") as fh:
            json.dump(out, fh, ensure_ascii=False)
