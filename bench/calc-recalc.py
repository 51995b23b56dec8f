# calc-recalc.py — run inside LibreOffice (Python script provider) by
# bench/calc-bench.sh: opens addin.fods and native.fods from $ZJ_BENCH_DIR
# (and table.fods, reasons.fods: the whole-table function) and times a hard
# recalculation (calculateAll) of each, 7 times after one warm-up, median.  Measuring inside one running LibreOffice keeps its
# start-up (seconds, and noisy) out of a comparison of ~0.1 s quantities.
# Writes "addin SECONDS", "native SECONDS", "differ N" to $ZJ_BENCH_OUT.
import os
import statistics
import time

import uno


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def recalc_times(*_args):
    d = os.environ["ZJ_BENCH_DIR"]
    ctx = uno.getComponentContext()
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    res, cols = {}, {}
    for name in ("addin", "native", "table", "reasons", "nullcall"):
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.join(d, name + ".fods")),
                                           "_blank", 0, (prop("Hidden", True),))
        doc.calculateAll()   # warm-up: the add-in loads its data on the first call
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            doc.calculateAll()
            times.append(time.perf_counter() - t0)
        res[name] = statistics.median(times)
        sheet = doc.Sheets.getByIndex(0)
        used = sheet.createCursor()
        used.gotoEndOfUsedArea(False)
        n = used.RangeAddress.EndRow + 1
        # the eligible column, data rows only (the table sheets have a header)
        first = 1 if name in ("table", "reasons", "nullcall") else 0
        cols[name] = [row[0] for row in sheet.getCellRangeByPosition(5, first, 5, n - 1).getDataArray()]
        doc.close(True)
    differ = sum(1 for a, b in zip(cols["addin"], cols["native"]) if a != b)
    differ_table = sum(1 for name in ("table", "reasons") for a, b in zip(cols[name], cols["native"]) if a != b)
    with open(os.environ["ZJ_BENCH_OUT"], "w") as out:
        out.write("addin %.6f\nnative %.6f\ntable %.6f\nreasons %.6f\nnullcall %.6f\ndiffer %d\n"
                  "differ_table %d\nrows %d\n"
                  % (res["addin"], res["native"], res["table"], res["reasons"], res["nullcall"], differ,
                     differ_table, len(cols["addin"])))
