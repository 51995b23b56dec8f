# names_check.py — run inside LibreOffice (Python script provider) by
# run-calc-tests.sh: every function of the add-in has an English and a
# Chinese display name, a description and, for every argument, a name and
# help in both languages; display names map back to the programmatic name;
# typing the English display name in a formula compiles to the stored
# programmatic name.  Writes "ok N" or the problems to $ZJ_NAMES_OUT.
import os

import uno


def check_names(*_args):
    out = os.environ["ZJ_NAMES_OUT"]
    ctx = uno.getComponentContext()
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    problems, n = [], 0
    try:
        addin = smgr.createInstanceWithContext("org.zhijiao.calc.Zhijiao", ctx)
        refl = smgr.createInstanceWithContext("com.sun.star.reflection.CoreReflection", ctx)
        methods = [m for m in refl.forName("org.zhijiao.calc.XZhijiao").getMethods()
                   if m.getDeclaringClass().getName() == "org.zhijiao.calc.XZhijiao"]
        names = {}
        for lang, country in (("en", "US"), ("zh", "CN")):
            loc = uno.createUnoStruct("com.sun.star.lang.Locale", lang, country, "")
            addin.setLocale(loc)
            for m in methods:
                p = m.getName()
                d = addin.getDisplayFunctionName(p)
                names.setdefault(p, []).append(d)
                if not d or not addin.getFunctionDescription(p):
                    problems.append("%s %s: no display name or description" % (lang, p))
                if addin.getProgrammaticFuntionName(d) != p:
                    problems.append("%s %s: display name %r does not map back" % (lang, p, d))
                for k in range(len(m.getParameterTypes())):
                    if not addin.getDisplayArgumentName(p, k) or not addin.getArgumentDescription(p, k):
                        problems.append("%s %s: argument %d has no name or help" % (lang, p, k))
                n += 1
        for p, (en, zh) in names.items():
            if not en.startswith("ZJ.") or en == zh or all(ord(ch) < 128 for ch in zh):
                problems.append("%s: names %r / %r" % (p, en, zh))
        # functions added by name in the table, with their Chinese names
        for p, want in (("deadlines", ["ZJ.DEADLINES", "截止日期"]),):
            if names.get(p) != want:
                problems.append("%s: names %r, expected %r" % (p, names.get(p), want))
        # the English UI: typing ZJ.RATE compiles to the programmatic name
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                           (uno.createUnoStruct("com.sun.star.beans.PropertyValue", "Hidden", 0, True, 0),))
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        cell.setPropertyValue("FormulaLocal", "=ZJ.RATE(3138;3953)")   # as typed in the UI
        doc.calculateAll()
        stored = cell.getFormula()                                     # the API (English) form
        if abs(cell.getValue() - 3138 / 3953) > 1e-12 or "ORG.ZHIJIAO.CALC.ZHIJIAO.RATEESTIMATE" not in stored.upper():
            problems.append("typing ZJ.RATE gives %r = %r" % (stored, cell.getValue()))
        doc.close(True)
    except Exception as e:  # reported, not raised: soffice must terminate
        problems.append("exception: %r" % (e,))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(problems) + "\n" if problems else "ok %d\n" % n)
    desktop.terminate()


g_exportedScripts = (check_names,)
