#!/usr/bin/env python3
"""gen-site.py — builds the fixture mirror of the education sites.

usage: gen-site.py SRCDIR OUTDIR
       gen-site.py SRCDIR OUTDIR --bench N_PAGES N_ARTICLES   (bench/fetch-bench.sh)

The tables come from the bundled data (data/tables/*.csv), which is the
transcription of the seed documents (../shared/seeds/001 for the 2023 plan,
004 for the 2024 tables; see data/README.md).  They are laid out the way the
official attachments print them: merged cells (blank in the rows they
cover), 小计/总计 rows, the header repeated at a page break, a cell split
over two lines, one page in GB18030.  The tree mirrors the real sites'
paths under OUTDIR/jw (jw.beijing.gov.cn) and OUTDIR/bjeea (www.bjeea.cn):

  robots.txt                                   Disallow: /jw/private/
  jw/tzgg/index.html, index_1.html, index_2.html   countPage = 3
  jw/tzgg/202304/t20230407_3012345.html        京教职成〔2023〕6号, .xlsx attachment
  jw/xxgk/zxxxgk/index.html
  jw/xxgk/zxxxgk/202404/t20240412_3623456.html GB18030 page, inline table (2024 中本贯通)
  jw/xxgk/2024zcwj/2024qtwj/index.html
  jw/xxgk/2024zcwj/2024qtwj/202405/t20240520_3712345.html  京教函〔2024〕135号, .docx (3+2)
  bjeea/html/zkzz/tzgg/index.html
  bjeea/html/zkzz/tzgg/2024/0521/13579.html    .pdf attachment under /uploads/, Chinese name
  jw-v2/...   the same site one year on: 2023 plan with one row changed,
              one removed, one added (for the diff)
  jw-min/...  only the 2024 中本贯通 page (a table that adds up)
  jw-part/... the same page listing only the first school's two rows
  jw-office/... the attachments LibreOffice reads: the 2023 plan as .doc, the
              3+2 list as .wps, the 2024 中本贯通 plan as .pdf (same paths as jw/)
  jw-office.status   "genuine", or why the files under jw-office/ are
              placeholders: "no-soffice" or "failed: <what soffice said>"

The .doc, .wps and .pdf files are made here, by LibreOffice itself
(soffice --headless --convert-to, with a throwaway profile), from HTML
tables of the same bundled data: the .doc and .wps in Word 97 format, the
.pdf by Writer's PDF export.  A Kingsoft WPS Writer .wps file is the Word
binary format with Kingsoft's extensions (LibreOffice's type registry lists
"wps" among the extensions of its MS Word 97 type, and detects it by
content); a Word 97 file named .wps is what LibreOffice sees of one, but
it is not a file written by WPS Office itself, and Microsoft Works .wps
files (another format with that extension) are not covered.  Without
soffice the three files are placeholders, so that the tests that need no
conversion (soffice missing, soffice hanging) still have something to
fetch.

Everything is written below OUTDIR; nothing in SRCDIR is touched.
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile
from xml.sax.saxutils import escape

SRC = OUT = None


def read_csv(name):
    with open(os.path.join(SRC, "data", "tables", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, data, mode="wb"):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, mode) as f:
        f.write(data)


# ---- xlsx / docx writers (just enough of OOXML) ----------------------------

def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(rows, merges):
    strings, index = [], {}
    sheet = []
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            ref = "%s%d" % (col_name(c), r + 1)
            if isinstance(v, int):
                cells.append('<c r="%s"><v>%d</v></c>' % (ref, v))
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
        sheet.append('<row r="%d">%s</row>' % (r + 1, "".join(cells)))
    mc = "".join('<mergeCell ref="%s"/>' % m for m in merges)
    ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<sheetData>%s</sheetData>%s</worksheet>'
          % ("".join(sheet), '<mergeCells count="%d">%s</mergeCells>' % (len(merges), mc) if merges else ""))
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
           % (len(strings), len(strings),
              "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", ws)
        z.writestr("xl/sharedStrings.xml", sst)
    return buf.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(title, rows):
    """rows: list of lists of (text, vmerge) where vmerge is None,
    'restart' or 'continue'."""
    def para(t):
        runs = []
        for i, line in enumerate(t.split("\n")):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            runs.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(line))
        return "<w:p>%s</w:p>" % "".join(runs)
    trs = []
    for row in rows:
        tcs = []
        for text, vm in row:
            pr = ""
            if vm == "restart":
                pr = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
            elif vm == "continue":
                pr = "<w:tcPr><w:vMerge/></w:tcPr>"
            tcs.append("<w:tc>%s%s</w:tc>" % (pr, para(text if vm != "continue" else "")))
        trs.append("<w:tr>%s</w:tr>" % "".join(tcs))
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s"><w:body>%s'
            "<w:tbl><w:tblGrid/>%s</w:tbl></w:body></w:document>" % (W, para(title), "".join(trs)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", body)
    return buf.getvalue()


# ---- pages -------------------------------------------------------------------

def list_page(column_name, items, count_page, charset="utf-8"):
    lis = "\n".join('<li><a href="%s" target="_blank" title="%s">%s</a><span>%s</span></li>'
                    % (href, escape(t), escape(t), date) for href, t, date in items)
    return ("""<!DOCTYPE html>
<html><head><meta charset="%s"><title>%s</title></head>
<body><div class="list"><ul>
%s
</ul></div>
<script>
var currentPage = 0;//所在页从0开始
var countPage = %d//共多少页
createPageHTML(countPage, currentPage, "index", "html");
</script></body></html>
""" % (charset, escape(column_name), lis, count_page))


def article(title, date, column, body_html, charset="utf-8"):
    return ("""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s">
<meta name="ArticleTitle" content="%s">
<meta name="PubDate" content="%s">
<meta name="ContentSource" content="北京市教育委员会">
<meta name="ColumnName" content="%s">
<title>%s</title></head>
<body><div class="header">北京市教育委员会</div>
<div class="article"><h1>%s</h1>
<div class="view TRS_UEDITOR trs_paper_default trs_web">%s</div></div>
</body></html>
""" % (charset, escape(title), date, escape(column), escape(title), escape(title), body_html))


def filler(n, prefix):
    return [("./2023%02d/t2023%02d%02d_30%05d.html" % (1 + i % 12, 1 + i % 12, 1 + i % 28, i),
             "%s通知%d：关于做好教育系统安全稳定工作的通知" % (prefix, i), "2023-%02d-%02d" % (1 + i % 12, 1 + i % 28))
            for i in range(n)]


# ---- the 2023 plan as the attachment prints it (.xlsx) -----------------------

HEADER_2023 = ["项目类型", "招生规模", "招生院校", "招生专业", "合作本科高校", "招生计划", "备注"]


def plan_2023_rows(rows):
    """The 2023 plan laid out as the attachment prints it: a list of rows."""
    details = [r for r in rows if r["row_kind"] == "detail"]
    subtotal = {(r["programme"], r["school"]): r["places"] for r in rows
                if r["row_kind"] == "subtotal" and r["school"]}
    prog_total = {r["programme"]: r["places"] for r in rows
                  if r["row_kind"] == "subtotal" and not r["school"]}
    grand = [r["places"] for r in rows if r["row_kind"] == "total"][0]
    out = [["2023年北京市高端技术技能人才贯通培养招生计划表"], HEADER_2023]
    merges = ["A1:G1"]
    last_prog = last_school = last_partner = None
    prog_start = school_start = None

    def num(v):
        return int(v) if v else ""
    for i, r in enumerate(details):
        row = [""] * 7
        if r["programme"] != last_prog:
            if last_prog is not None:
                out.append(["小计", "", "", "", "", num(prog_total[last_prog]), ""])
            row[0] = r["programme"]
            last_prog, last_school = r["programme"], None
            prog_start = len(out)
        if r["school"] != last_school:
            school = r["school"]
            if school == "北京电子科技职业学院":
                school = "北京电子科技\n职业学院"        # a cell split over two lines
            row[1] = num(subtotal.get((r["programme"], r["school"]), ""))
            row[2] = school
            last_school, last_partner = r["school"], None
            school_start = len(out)
        if r["partner"] != last_partner:
            row[4] = r["partner"] or "—"              # printed as a dash: no partner
            last_partner = r["partner"]
        row[3] = r["major"]
        row[5] = num(r["places"])
        row[6] = r["note"]
        out.append(row)
        if len(out) == 32:
            out.append(list(HEADER_2023))              # the header again after a page break
    out.append(["小计", "", "", "", "", num(prog_total[last_prog]), ""])
    out.append(["总计", "", "", "", "", num(grand), ""])
    del prog_start, school_start
    return out, merges


def plan_2023_xlsx(rows):
    out, merges = plan_2023_rows(rows)
    return xlsx(out, merges)


def html_doc(title, table):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head>'
            "<body><p>%s</p>%s</body></html>" % (escape(title), escape(title), table))


def cell_html(v):
    return "<br>".join(escape(x) for x in str(v).split("\n"))


def plan_2023_html(rows):
    """The same layout as a word-processor table: the title across the
    table, the 项目类型/招生规模/招生院校/合作本科高校 cells merged down over
    the rows they cover (rowspan), 小计/总计 across five columns."""
    out, _ = plan_2023_rows(rows)
    title = out[0][0]
    body = out[1:]
    merge_cols = (0, 1, 2, 4)

    def is_detail(r):
        return r[0] not in ("小计", "总计") and r != HEADER_2023
    trs = ['<tr><td colspan="7">%s</td></tr>' % escape(title)]
    covered = set()
    for i, r in enumerate(body):
        if r[0] in ("小计", "总计"):
            trs.append('<tr><td colspan="5">%s</td><td>%s</td><td></td></tr>' % (r[0], r[5]))
            continue
        tds = []
        for c, v in enumerate(r):
            if (i, c) in covered:
                continue
            span = 1
            if c in merge_cols and v != "" and is_detail(r):
                while i + span < len(body) and is_detail(body[i + span]) and body[i + span][c] == "" and \
                        (c != 4 or body[i + span][2] == ""):
                    covered.add((i + span, c))
                    span += 1
            tds.append("<td%s>%s</td>" % (' rowspan="%d"' % span if span > 1 else "", cell_html(v)))
        trs.append("<tr>%s</tr>" % "".join(tds))
    return html_doc(title, '<table border="1">%s</table>' % "".join(trs))


# ---- the 2024 中本贯通 plan as an HTML table with rowspans (GB18030 page) ---

def plan_2024_html(rows):
    details = [r for r in rows if r["row_kind"] == "detail"]
    total = [r["places"] for r in rows if r["row_kind"] == "total"][0]
    counts = {}
    for r in details:
        counts[r["school"]] = counts.get(r["school"], 0) + 1
    trs = ["<tr><th>序号</th><th>中职学校</th><th>中职专业</th><th>专业代码</th>"
           "<th>本科院校</th><th>本科专业</th><th>招生计划</th></tr>"]
    seen = set()
    for i, r in enumerate(details):
        cells = ["<td>%d</td>" % (i + 1)]
        if r["school"] not in seen:
            seen.add(r["school"])
            cells.append('<td rowspan="%d">%s</td>' % (counts[r["school"]], escape(r["school"])))
        cells += ["<td>%s</td>" % escape(r[k]) for k in ("major", "major_code", "partner", "partner_major")]
        cells.append("<td>%s</td>" % r["places"])
        trs.append("<tr>%s</tr>" % "".join(cells))
    trs.append('<tr><td colspan="6">合计</td><td>%s</td></tr>' % total)
    return ("<p>各有关学校：</p><p>根据《北京市教育委员会关于2024年开展高端技术技能人才贯通培养"
            "试验工作的通知》（京教职成〔2024〕7号），现将2024年中本贯通项目招生计划公布如下。</p>"
            '<table border="1"><tbody>%s</tbody></table>' % "\n".join(trs))


# ---- the 2024 3+2 list as a .docx ------------------------------------------

def list_3plus2_docx(rows):
    details = [r for r in rows if r["row_kind"] == "detail"]
    out = [[("序号", None), ("中职学校", None), ("中职专业", None), ("高职学校", None), ("高职专业", None),
            ("备注", None)]]
    last = None
    for i, r in enumerate(details):
        if r["school"] == last:
            school = ("", "continue")
        else:
            school = (r["school"], "restart")
            last = r["school"]
        out.append([(str(i + 1), None), school, (r["major"], None), (r["partner"], None),
                    (r["partner_major"], None), (r["note"], None)])
    return docx("2024年新增“3+2”中高职衔接办学项目名单", out)


def list_3plus2_html(rows):
    details = [r for r in rows if r["row_kind"] == "detail"]
    trs = ["<tr><td>序号</td><td>中职学校</td><td>中职专业</td><td>高职学校</td><td>高职专业</td><td>备注</td></tr>"]
    for i, r in enumerate(details):
        cells = ["<td>%d</td>" % (i + 1)]
        if i == 0 or details[i - 1]["school"] != r["school"]:     # a run of one school: merged down
            run = 1
            while i + run < len(details) and details[i + run]["school"] == r["school"]:
                run += 1
            cells.append('<td%s>%s</td>' % (' rowspan="%d"' % run if run > 1 else "", escape(r["school"])))
        cells += ["<td>%s</td>" % escape(r[k]) for k in ("major", "partner", "partner_major", "note")]
        trs.append("<tr>%s</tr>" % "".join(cells))
    title = "2024年新增“3+2”中高职衔接办学项目名单"
    return html_doc(title, '<table border="1">%s</table>' % "".join(trs))


def soffice_start(files, target, outdir, work):
    """Starts converting HTML files with LibreOffice (its own profile, so two
    conversions can run at once)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = os.path.join(work, "profile-" + target.split(":")[0])
    cmd = [exe, "-env:UserInstallation=file://" + urllib.parse.quote(profile), "--headless", "--norestore",
           "--infilter=HTML (StarWriter)", "--convert-to", target, "--outdir", outdir] + files
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)


def soffice_finish(p, files, target, outdir):
    """Waits for a conversion; returns "" or what went wrong."""
    try:
        out, _ = p.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        return "soffice did not finish within 300 s"
    ext = "." + target.split(":")[0]
    missing = [f for f in files if not os.path.isfile(os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + ext))]
    if p.returncode != 0 or missing:
        lines = [x for x in out.decode("utf-8", "replace").splitlines() if x.strip() and "javaldx" not in x]
        return "status %d, %s not made: %s" % (p.returncode, ", ".join(os.path.basename(m) for m in missing),
                                               lines[-1] if lines else "no output")
    return ""


def office_files(plan23, plan24, tp2):
    """(doc, wps, pdf, status): the three attachments, made by LibreOffice."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return None, None, None, "no-soffice"
    work = tempfile.mkdtemp(prefix="zj-gen-site-")
    try:
        src = {}
        for name, html in (("plan2023", plan_2023_html(plan23)), ("list3p2", list_3plus2_html(tp2)),
                           ("plan2024", html_doc("2024年中本贯通项目招生计划", plan_2024_html(plan24)))):
            src[name] = os.path.join(work, name + ".html")
            with open(src[name], "w", encoding="utf-8") as f:
                f.write(html)
        out = os.path.join(work, "out")
        jobs = [([src["plan2023"], src["list3p2"]], "doc:MS Word 97"), ([src["plan2024"]], "pdf:writer_pdf_Export")]
        running = [soffice_start(files, target, out, work) for files, target in jobs]
        why = "; ".join(w for w in (soffice_finish(p, files, target, out)
                                    for p, (files, target) in zip(running, jobs)) if w)
        if why:
            return None, None, None, "failed: " + why
        got = []
        for name, ext in (("plan2023", "doc"), ("list3p2", "doc"), ("plan2024", "pdf")):
            with open(os.path.join(out, name + "." + ext), "rb") as f:
                got.append(f.read())
        return got[0], got[1], got[2], "genuine"
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_office(root, plan23, plan24, tp2):
    """jw-office/: the jw layout whose attachments are .doc, .wps, .pdf."""
    doc, wps, pdf, status = office_files(plan23, plan24, tp2)
    if status != "genuine":
        doc = wps = b"placeholder: no LibreOffice to make this file\n"
        pdf = b"%PDF-1.4\n% placeholder\n%%EOF\n"
    write("%s.status" % root, (status + "\n").encode("utf-8"))
    write("%s/tzgg/index.html" % root, list_page("通知公告", [
        ("./202304/t20230407_3012345.html",
         "北京市教育委员会关于2023年开展高端技术技能人才贯通培养试验工作的通知", "2023-04-07")] +
        filler(4, "tzgg"), 1).encode("utf-8"))
    write("%s/tzgg/202304/t20230407_3012345.html" % root, article(
        "北京市教育委员会关于2023年开展高端技术技能人才贯通培养试验工作的通知", "2023-04-07", "通知公告",
        "<p>京教职成〔2023〕6号</p><p>各区教委，各有关高校、职业院校：</p><p>……</p>"
        '<p>附件：<a href="./P020230407512345678901.doc">2023年北京市高端技术技能人才贯通培养招生计划表.doc</a></p>'
        ).encode("utf-8"))
    write("%s/tzgg/202304/P020230407512345678901.doc" % root, doc)
    write("%s/xxgk/2024zcwj/2024qtwj/index.html" % root, list_page("其他文件", [
        ("./202405/t20240520_3712345.html",
         "北京市教育委员会关于公布2024年新增“3+2”中高职衔接办学项目名单的通知", "2024-05-20")] +
        filler(3, "qtwj"), 1).encode("utf-8"))
    write("%s/xxgk/2024zcwj/2024qtwj/202405/t20240520_3712345.html" % root, article(
        "北京市教育委员会关于公布2024年新增“3+2”中高职衔接办学项目名单的通知", "2024-05-20", "其他文件",
        "<p>京教函〔2024〕135号</p><p>经研究，同意以下项目开展“3+2”中高职衔接办学。</p>"
        '<p>附件：<a href="./W020240520398765432109.wps">2024年新增“3+2”中高职衔接办学项目名单.wps</a></p>'
        ).encode("utf-8"))
    write("%s/xxgk/2024zcwj/2024qtwj/202405/W020240520398765432109.wps" % root, wps)
    write("%s/xxgk/zxxxgk/index.html" % root, list_page("最新信息公开", [
        ("./202404/t20240412_3623456.html", "关于公布2024年中本贯通项目招生计划的通知", "2024-04-12")] +
        filler(2, "zxxxgk"), 1).encode("utf-8"))
    write("%s/xxgk/zxxxgk/202404/t20240412_3623456.html" % root, article(
        "关于公布2024年中本贯通项目招生计划的通知", "2024-04-12", "最新信息公开",
        "<p>各有关学校：</p><p>现将2024年中本贯通项目招生计划公布如下。</p>"
        '<p>附件：<a href="./P020240412623456789012.pdf">2024年中本贯通项目招生计划.pdf</a></p>'
        ).encode("utf-8"))
    write("%s/xxgk/zxxxgk/202404/P020240412623456789012.pdf" % root, pdf)


def partial_2024(plan24):
    """The 2024 中本贯通 plan as a notice listing only its first school's
    two rows (a partial plan: it must not replace the whole table)."""
    details = [r for r in plan24 if r["row_kind"] == "detail"][:2]
    total = dict([r for r in plan24 if r["row_kind"] == "total"][0])
    total["places"] = str(sum(int(r["places"]) for r in details))
    return details + [total]


def build_jw(root, plan23, plan24, tp2, minimal=False):
    if not minimal:
        # 通知公告: three list pages; the 2023 notice is on the second
        arts = filler(20, "tzgg")
        p0, p1, p2 = arts[:8], arts[8:14], arts[14:]
        p1.insert(3, ("./202304/t20230407_3012345.html",
                      "北京市教育委员会关于2023年开展高端技术技能人才贯通培养试验工作的通知", "2023-04-07"))
        for i, items in enumerate((p0, p1, p2)):
            write("%s/tzgg/%s" % (root, "index.html" if i == 0 else "index_%d.html" % i),
                  list_page("通知公告", items, 3).encode("utf-8"))
        write("%s/tzgg/202304/t20230407_3012345.html" % root, article(
            "北京市教育委员会关于2023年开展高端技术技能人才贯通培养试验工作的通知", "2023-04-07", "通知公告",
            "<p>京教职成〔2023〕6号</p><p>各区教委，各有关高校、职业院校：</p><p>……</p>"
            '<p>附件：<a href="./P020230407512345678901.xlsx">2023年北京市高端技术技能人才贯通培养招生计划表.xlsx</a></p>'
            ).encode("utf-8"))
        write("%s/tzgg/202304/P020230407512345678901.xlsx" % root, plan_2023_xlsx(plan23))
        # 3+2 list (.docx) under 其他文件
        write("%s/xxgk/2024zcwj/2024qtwj/index.html" % root, list_page("其他文件", [
            ("./202405/t20240520_3712345.html",
             "北京市教育委员会关于公布2024年新增“3+2”中高职衔接办学项目名单的通知", "2024-05-20")] +
            filler(3, "qtwj"), 1).encode("utf-8"))
        write("%s/xxgk/2024zcwj/2024qtwj/202405/t20240520_3712345.html" % root, article(
            "北京市教育委员会关于公布2024年新增“3+2”中高职衔接办学项目名单的通知", "2024-05-20", "其他文件",
            "<p>京教函〔2024〕135号</p><p>经研究，同意以下项目开展“3+2”中高职衔接办学。</p>"
            '<p>附件：<a href="./W020240520398765432109.docx">2024年新增“3+2”中高职衔接办学项目名单</a></p>'
            ).encode("utf-8"))
        write("%s/xxgk/2024zcwj/2024qtwj/202405/W020240520398765432109.docx" % root, list_3plus2_docx(tp2))
    else:
        # the other columns exist but list nothing relevant
        write("%s/tzgg/index.html" % root, list_page("通知公告", filler(5, "tzgg"), 1).encode("utf-8"))
        write("%s/xxgk/2024zcwj/2024qtwj/index.html" % root,
              list_page("其他文件", filler(3, "qtwj"), 1).encode("utf-8"))
    # 2024 中本贯通 plan: a GB18030 page with an inline table
    write("%s/xxgk/zxxxgk/index.html" % root, list_page("最新信息公开", [
        ("./202404/t20240412_3623456.html", "关于公布2024年中本贯通项目招生计划的通知", "2024-04-12")] +
        filler(2, "zxxxgk"), 1).encode("utf-8"))
    write("%s/xxgk/zxxxgk/202404/t20240412_3623456.html" % root, article(
        "关于公布2024年中本贯通项目招生计划的通知", "2024-04-12", "最新信息公开",
        plan_2024_html(plan24), charset="gb18030").encode("gb18030"))


def main():
    global SRC, OUT
    SRC, OUT = sys.argv[1], sys.argv[2]
    plan23 = read_csv("gtpy_plan_2023.csv")
    plan24 = read_csv("gtpy_plan_2024.csv")
    tp2 = read_csv("threeplustwo_2024.csv")
    write("robots.txt", b"User-agent: *\nDisallow: /jw/private/\n\nUser-agent: BadBot\nDisallow: /\n")
    write("jw/private/secret.html", b"<html><body>not for robots</body></html>")
    build_jw("jw", plan23, plan24, tp2)
    build_jw("jw-min", plan23, plan24, tp2, minimal=True)
    build_jw("jw-part", plan23, partial_2024(plan24), tp2, minimal=True)
    # one year on: 2023 plan re-published with one change, one removal, one addition
    v2 = [dict(r) for r in plan23]
    for r in v2:
        if r["major"] == "机电一体化技术" and r["school"] == "北京电子科技职业学院":
            r["places"] = "65"
    v2 = [r for r in v2 if not (r["major"] == "工程测量技术" and r["school"] == "北京工业职业技术学院")]
    idx = max(i for i, r in enumerate(v2) if r["school"] == "北京城市学院" and r["row_kind"] == "detail")
    add = dict(v2[idx])
    add["major"] = "数字媒体艺术"
    add["places"] = "30"
    v2.insert(idx + 1, add)
    build_jw("jw-v2", v2, plan24, tp2)
    # bjeea: a notice whose attachment is a PDF with a percent-encoded Chinese name
    name = "2024年中等职业学校招生计划.pdf"
    enc = urllib.parse.quote(name)
    write("bjeea/html/zkzz/tzgg/index.html", list_page("通知公告", [
        ("/bjeea/html/zkzz/tzgg/2024/0521/13579.html", "2024年北京市中等职业学校招生计划", "2024-05-21")] +
        filler(2, "bjeea"), 1).encode("utf-8"))
    write("bjeea/html/zkzz/tzgg/2024/0521/13579.html", article(
        "2024年北京市中等职业学校招生计划", "2024-05-21", "中考中招",
        '<p>附件：<a href="/bjeea/uploads/2024/05/%s">%s</a></p>' % (enc, escape(name))).encode("utf-8"))
    write("bjeea/uploads/2024/05/%s" % name, b"%PDF-1.4\n% tables are never extracted from a PDF\n%%EOF\n")
    build_office("jw-office", plan23, plan24, tp2)


def bench_catalog(pages, articles):
    """bench/fetch-bench.sh: OUTDIR/cat/tzgg with `pages` list pages and
    `articles` notices (spread over them), each with one .xlsx attachment
    (the 2024 中本贯通 plan, as a grid with merged school cells)."""
    global SRC, OUT
    SRC, OUT = sys.argv[1], sys.argv[2]
    plan24 = read_csv("gtpy_plan_2024.csv")
    rows = [["序号", "中职学校", "中职专业", "专业代码", "本科院校", "本科专业", "招生计划"]]
    last = None
    for i, r in enumerate(x for x in plan24 if x["row_kind"] == "detail"):
        rows.append([i + 1, r["school"] if r["school"] != last else "", r["major"], r["major_code"],
                     r["partner"], r["partner_major"], int(r["places"])])
        last = r["school"]
    rows.append(["合计", "", "", "", "", "", 315])
    att = xlsx(rows, [])
    per = (articles + pages - 1) // pages
    for p in range(pages):
        items = []
        for k in range(per):
            i = p * per + k
            if i >= articles:
                break
            year = 2000 + i % 25
            href = "./%d04/t%d0412_%07d.html" % (year, year, i)
            items.append((href, "关于公布%d年中本贯通项目招生计划的通知（%d）" % (year, i), "%d-04-12" % year))
            write("cat/tzgg/%d04/t%d0412_%07d.html" % (year, year, i), article(
                "关于公布%d年中本贯通项目招生计划的通知（%d）" % (year, i), "%d-04-12" % year, "通知公告",
                '<p>京教职成〔%d〕7号</p><p>附件：<a href="./P0%d0412%07d.xlsx">招生计划</a></p>' % (year, year, i)
            ).encode("utf-8"))
            write("cat/tzgg/%d04/P0%d0412%07d.xlsx" % (year, year, i), att)
        write("cat/tzgg/%s" % ("index.html" if p == 0 else "index_%d.html" % p),
              list_page("通知公告", items, pages).encode("utf-8"))
    for col in ("xxgk/zxxxgk", "xxgk/2024zcwj/2024qtwj"):
        write("cat/%s/index.html" % col, list_page("其他", [], 1).encode("utf-8"))


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "--bench":
        bench_catalog(int(sys.argv[4]), int(sys.argv[5]))
    else:
        main()
