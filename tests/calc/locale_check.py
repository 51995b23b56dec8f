# locale_check.py — run inside LibreOffice (Python script provider) by
# run-calc-tests.sh, once with the Chinese UI (zh-CN language pack) and
# once with the English UI of the same profile:
#
#   in_chinese  the Function Wizard's list (sheet.FunctionDescriptions)
#               shows the add-in's Chinese names and help; a formula typed
#               with the Chinese name computes and is stored under the
#               programmatic name; the sheet is saved as $ZJ_LOCALE_ODS
#   in_english  that file opens in the English UI with working formulas,
#               shown with the English names
#
# Each writes "ok ..." / "not ok ..." lines to $ZJ_LOCALE_OUT (appending).
import os

import uno

PROG = "ORG.ZHIJIAO.CALC.ZHIJIAO.RATEESTIMATE"


def prop(name, value):
    p = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    p.Name, p.Value = name, value
    return p


def _out():
    return open(os.environ["ZJ_LOCALE_OUT"], "a", encoding="utf-8")


def _say(out, ok, what):
    out.write("%s %s\n" % ("ok" if ok else "not ok", what))
    out.flush()


def _wizard_entry(ctx, name):
    descs = ctx.ServiceManager.createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", ctx)
    for i in range(descs.getCount()):
        entry = {p.Name: p.Value for p in descs.getByIndex(i)}
        if entry.get("Name") == name:
            return entry
    return None


def in_chinese(*_args):
    out = _out()
    try:
        ctx = uno.getComponentContext()
        smgr = ctx.ServiceManager
        e = _wizard_entry(ctx, "比率")
        helps = [a.Description for a in e["Arguments"]] if e else []
        _say(out, e is not None and e.get("Description", "").startswith("比率 x/n。") and "错误说明" in e.get("Description", "") and helps[:2] == ["成功数（非负整数）（必填）", "总数（正整数，不小于 x）"],
             "the Chinese UI's Function Wizard lists 比率 with Chinese help %r and argument help %r"
             % (e.get("Description") if e else None, helps[:2]))
        e = _wizard_entry(ctx, "贯通培养报考资格")
        _say(out, e is not None, "the Chinese UI's Function Wizard lists 贯通培养报考资格")
        # required arguments are marked required (declared as arrays; any
        # `any` argument is optional to Calc)
        opt = {a.Name: a.IsOptional for a in e["Arguments"]} if e else {}
        r = _wizard_entry(ctx, "比率")
        ropt = {a.Name: a.IsOptional for a in r["Arguments"]} if r else {}
        _say(out, opt.get("地区") is False and opt.get("年份") is False and opt.get("中招录取总分") is True and
             ropt.get("n") is False and ropt.get("方法") is True,
             "the Function Wizard marks required arguments: 贯通培养报考资格 %r, 比率 %r" % (opt, ropt))

        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        sep = ","
        cell.setPropertyValue("FormulaLocal", "=比率(3138%s3953)" % sep)   # as an officer types it
        doc.calculateAll()
        if cell.getError():
            sep = ";"
            cell.setPropertyValue("FormulaLocal", "=比率(3138%s3953)" % sep)
            doc.calculateAll()
        stored = cell.getFormula()
        _say(out, abs(cell.getValue() - 3138 / 3953) < 1e-12 and PROG in stored.upper(),
             "typing =比率(3138%s3953) in the Chinese UI gives %r, stored as %r" % (sep, cell.getValue(), stored))
        doc.storeToURL(uno.systemPathToFileUrl(os.environ["ZJ_LOCALE_ODS"]), (prop("FilterName", "calc8"),))
        doc.close(True)
    except Exception as ex:
        _say(out, False, "Chinese UI: exception %r" % (ex,))
    out.close()


def in_english(*_args):
    out = _out()
    try:
        ctx = uno.getComponentContext()
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        e = _wizard_entry(ctx, "ZJ.RATE")
        _say(out, e is not None, "the English UI's Function Wizard lists ZJ.RATE")
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.environ["ZJ_LOCALE_ODS"]), "_blank", 0,
                                           (prop("Hidden", True),))
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        doc.calculateAll()
        local = cell.getPropertyValue("FormulaLocal")
        _say(out, abs(cell.getValue() - 3138 / 3953) < 1e-12 and local.upper().startswith("=ZJ.RATE("),
             "the file saved in the Chinese UI opens in the English UI as %r = %r" % (local, cell.getValue()))
        doc.close(True)
    except Exception as ex:
        _say(out, False, "English UI: exception %r" % (ex,))
    out.close()
