"""calc_common.py — what the Calc test generators share: column letters,
the flat ODF sheet around the rows, and the reasons text as the add-in
joins it (from the CLI's JSON)."""

FODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
             'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
             'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" '
             'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
             '<office:body><office:spreadsheet><table:table table:name="%s">\n')
FODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document>\n"


def col(i):
    """0 -> A, 26 -> AA."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def reasons(e, lang):
    """The decisive reasons of a CLI decision (JSON) with their sources,
    joined as the add-in's reasons functions join them."""
    parts = []
    for x in e["reasons"]:
        if not x["decisive"]:
            continue
        t = x["message_" + lang]
        if x.get("citation"):
            t += ("（依据：%s）" if lang == "zh" else " (source: %s)") % x["citation"]
        parts.append(t)
    text = " | ".join(parts)
    if e["status"] != "ok" or not e["reasons"]:
        head = e["outcome_" + lang] or ""
        text = head + (("：" if lang == "zh" else ": ") + text if e["reasons"] else "")
    return text
