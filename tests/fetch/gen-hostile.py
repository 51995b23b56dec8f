#!/usr/bin/env python3
"""gen-hostile.py — mirrors that attack the refresh, for run-fetch-tests.sh.

usage: gen-hostile.py OUTDIR FAULT_BASE_URL

Each case is a site under OUTDIR/hostile/<case>/ laid out like the
commission's (tzgg/, xxgk/zxxxgk/, xxgk/2024zcwj/2024qtwj/ list pages):
its 通知公告 column lists one relevant notice whose attachment (or page)
is hostile.  Every file is small; what it asks of a naive reader is large:

  sparse-xlsx     .xlsx, cells A1 and IV100000 only (580 bytes)
  sparse20-xlsx   .xlsx, 20 such sheets
  entity-xlsx     sharedStrings.xml declares a 100 KB internal entity and
                  uses it 20,000 times
  entity-docx     the same in word/document.xml
  bigstring-xlsx  one 16 MiB shared string used by 1,000 cells
  spans-html      a notice page with 2,000 tables of rowspan=1000 colspan=64
  bomb-xlsx       256 sheets of 63 MiB of white space each (one deflate
                  stream stored 256 times)
  pdfs            300 links to 31 MiB PDFs on the fault server (/uploads/bigpdf/)
  bigdocs         20 links to 31 MiB .doc files on the fault server
                  (/uploads/bigdoc/), which wait for LibreOffice
  trickle         8 .xlsx attachments that the fault server sends at
                  220 bytes/s (/uploads/trickle/)
  links           a list page with 60,000 relevant links
  wide-xls        .xls (made by LibreOffice from cells A1 and IV65536, kept in
                  tests/fetch/data/) declaring 65536 x 256 cells
  formula         an inline plan table whose cells hold =HYPERLINK(...) and
                  @SUM(...)

Nothing here contacts anything; FAULT_BASE_URL is only written into links.
"""
import io
import os
import struct
import sys
import zipfile
import zlib

OUT = sys.argv[1]
FAULT = sys.argv[2]

TITLE = "关于公布2024年中本贯通项目招生计划的通知"


def write(path, data):
    full = os.path.join(OUT, "hostile", path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def list_page(items, count_page=1):
    lis = "\n".join('<li><a href="%s" title="%s">%s</a><span>2024-04-12</span></li>' % (h, t, t)
                    for h, t in items)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>'
            '<div class="list"><ul>\n%s\n</ul></div><script>var countPage = %d//共多少页\n</script>'
            '</body></html>' % (lis, count_page))


def article(body):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="%s">'
            '<meta name="PubDate" content="2024-04-12"><title>%s</title></head><body><div class="article">'
            '<h1>%s</h1><div class="view TRS_UEDITOR trs_paper_default trs_web"><p>京教职成〔2024〕7号</p>%s'
            '</div></div></body></html>' % (TITLE, TITLE, TITLE, body))


def site(case, body, links=None):
    """A site whose 通知公告 column lists the notice with `body`."""
    write("%s/tzgg/index.html" % case, list_page(links or [("./202404/t20240412_1.html", TITLE)]))
    write("%s/tzgg/202404/t20240412_1.html" % case, article(body))
    for col in ("xxgk/zxxxgk", "xxgk/2024zcwj/2024qtwj"):
        write("%s/%s/index.html" % (case, col), list_page([]))


def attach(case, name, data):
    write("%s/tzgg/202404/%s" % (case, name), data)
    site(case, '<p>附件：<a href="./%s">招生计划.%s</a></p>' % (name, name.rsplit(".", 1)[1]))


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def sheet(cells):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData></worksheet>'
            % (NS, "".join('<row r="%s"><c r="%s" t="inlineStr"><is><t>%s</t></is></c></row>'
                           % ("".join(ch for ch in ref if ch.isdigit()), ref, v) for ref, v in cells)))


def xlsx(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        for name, data in parts:
            z.writestr(name, data)
    return buf.getvalue()


def sparse(n_sheets):
    return xlsx([("xl/worksheets/sheet%d.xml" % (i + 1), sheet([("A1", "序号"), ("IV100000", "x")]))
                 for i in range(n_sheets)])


def entity_doc(root_open, use, root_close):
    ent = "A" * 100000
    return ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE r [<!ENTITY e "%s">]>%s%s%s'
            % (ent, root_open, use * 20000, root_close))


def bigstring():
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst %s><si><t>%s</t></si></sst>' % (NS, "A" * (16 << 20)))
    cells = "".join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(1, 1001))
    ws = '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, cells)
    return xlsx([("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", ws)])


def bomb(n_sheets, size):
    """A zip of n_sheets entries sharing one deflate stream of `size` spaces."""
    head = b'<?xml version="1.0"?><worksheet><sheetData>'
    tail = b"</sheetData></worksheet>"
    body = head + b" " * (size - len(head) - len(tail)) + tail
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = co.compress(body) + co.flush()
    crc = zlib.crc32(body) & 0xFFFFFFFF
    out, central = io.BytesIO(), io.BytesIO()
    for i in range(n_sheets):
        name = ("xl/worksheets/sheet%d.xml" % (i + 1)).encode()
        off = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(comp), len(body),
                              len(name), 0) + name + comp)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(comp),
                                  len(body), len(name), 0, 0, 0, 0, 0, off) + name)
    cd = central.getvalue()
    cd_off = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n_sheets, n_sheets, len(cd), cd_off, 0))
    return out.getvalue()


def main():
    attach("sparse-xlsx", "P020240412000001.xlsx", sparse(1))
    attach("sparse20-xlsx", "P020240412000001.xlsx", sparse(20))
    attach("entity-xlsx", "P020240412000001.xlsx", xlsx([
        ("xl/sharedStrings.xml", entity_doc("<sst %s>" % NS, "<si><t>&e;</t></si>", "</sst>")),
        ("xl/worksheets/sheet1.xml", sheet([("A1", "序号")]))]))
    attach("entity-docx", "W020240412000001.docx", xlsx([("word/document.xml", entity_doc(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>',
        "<w:tr><w:tc><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:tc></w:tr>", "</w:tbl></w:body></w:document>"))]))
    attach("bigstring-xlsx", "P020240412000001.xlsx", bigstring())
    attach("bomb-xlsx", "P020240412000001.xlsx", bomb(256, 63 << 20))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "wide-65536x256.xls"), "rb") as f:
        attach("wide-xls", "P020240412000001.xls", f.read())
    tables = "".join('<table><tr><td rowspan="1000" colspan="64">x</td></tr></table>' for _ in range(2000))
    site("spans-html", tables)
    site("pdfs", "".join('<p>附件%d：<a href="%s/uploads/bigpdf/%d.pdf">招生计划%d.pdf</a></p>' % (i, FAULT, i, i)
                         for i in range(300)))
    site("bigdocs", "".join('<p>附件%d：<a href="%s/uploads/bigdoc/%d.doc">招生计划%d.doc</a></p>' % (i, FAULT, i, i)
                            for i in range(20)))
    site("trickle", "".join('<p>附件%d：<a href="%s/uploads/trickle/%d.xlsx">招生计划%d.xlsx</a></p>' % (i, FAULT, i, i)
                            for i in range(8)))
    site("links", "", [("./202404/t20240412_%d.html" % i, TITLE) for i in range(60000)])
    site("formula", '<table><tr><td>序号</td><td>中职学校</td><td>中职专业</td><td>本科院校</td>'
                    '<td>本科专业</td><td>招生计划</td></tr>'
                    '<tr><td>1</td><td>=HYPERLINK("http://evil.example/","北京市商业学校")</td>'
                    '<td>@SUM(1+1)</td><td>北京工商大学</td><td>会计学</td><td>30</td></tr>'
                    '<tr><td>合计</td><td></td><td></td><td></td><td></td><td>30</td></tr></table>')


if __name__ == "__main__":
    main()
