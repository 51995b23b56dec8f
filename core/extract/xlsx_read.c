/* xlsx_read.c — the worksheets of an .xlsx file as grids (libzip + libxml2).
 *
 * Shared strings (rich text runs joined, phonetic runs left out), inline
 * strings and numbers are read; a number that is a whole number prints as
 * one ("60", not "60.0").  Merged ranges need no work: Excel stores their
 * text in the top-left cell and leaves the covered cells empty, which is
 * what a grid wants. */
#include <libxml/parser.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error_internal.h"
#include "grid.h"
#include "ooxml.h"
#include "strbuf.h"
#include "utf8.h"

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

int zj__xml_is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, local) == 0;
}

zj_code zj__zip_open_memory(const char *data, size_t len, zip_t **out, zj_error *err)
{
    zip_error_t ze;
    zip_source_t *src;

    *out = NULL;
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, len, 0, &ze);
    if (!src) {
        zip_error_fini(&ze);
        return nomem(err);
    }
    *out = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!*out) {
        zip_source_free(src);
        zip_error_fini(&ze);
        return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                       ("不是有效的 zip 容器（.xlsx/.docx）"),
                       ("not a valid zip container (.xlsx/.docx)"));
    }
    zip_error_fini(&ze);
    return ZJ_OK;
}

/* A "<!DOCTYPE" anywhere in the part (its prolog is where one goes, but a
 * parser must not even see one). */
static int has_doctype(const char *s, size_t len)
{
    static const char pat[] = "<!DOCTYPE";
    const char *p = s, *end = s + len;

    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) >= sizeof pat - 1 && strncasecmp(p, pat, sizeof pat - 1) == 0)
            return 1;
        p++;
    }
    return 0;
}

zj_code zj__zip_xml(zip_t *za, const char *name, size_t *budget, xmlDocPtr *doc, zj_error *err)
{
    zip_stat_t st;
    zip_file_t *zf;
    zj__strbuf b = ZJ_STRBUF_INIT;
    char buf[16384];
    zip_int64_t n;

    *doc = NULL;
    zip_stat_init(&st);
    if (zip_stat(za, name, 0, &st) != 0)
        return ZJ_OK;
    if (!(zf = zip_fopen(za, name, 0)))
        return ZJ_FAIL(err, ZJ_ERR_PARSE, name,
                       ("无法读取压缩包中的部件"),
                       ("cannot read this part of the archive"));
    /* the size the archive declares, when within the limits: one
     * allocation instead of doublings up to twice the part */
    if ((st.valid & ZIP_STAT_SIZE) && st.size <= ZJ_OOXML_MAX_PART && st.size <= *budget)
        zj__strbuf_reserve(&b, (size_t)st.size + 1);
    while ((n = zip_fread(zf, buf, sizeof buf)) > 0) {
        zj__strbuf_append(&b, buf, (size_t)n);
        if (b.len > ZJ_OOXML_MAX_PART || b.len > *budget) {
            size_t limit = b.len > ZJ_OOXML_MAX_PART ? ZJ_OOXML_MAX_PART : ZJ_OOXML_MAX_TOTAL;
            zip_fclose(zf);
            zj__strbuf_free(&b);
            return ZJ_FAIL(err, ZJ_ERR_PARSE, name,
                           ("%s解压后超过 %zu 字节，未读取", limit == ZJ_OOXML_MAX_PART ? "部件" : "文件的各部件合计",
                            limit),
                           ("%s larger than %zu bytes uncompressed, so it was not read",
                            limit == ZJ_OOXML_MAX_PART ? "the part is" : "the parts of the file are together",
                            limit));
        }
    }
    zip_fclose(zf);
    if (n < 0 || b.failed) {
        zj__strbuf_free(&b);
        return n < 0 ? ZJ_FAIL(err, ZJ_ERR_PARSE, name,
                               ("解压失败"),
                               ("decompression failed")) : nomem(err);
    }
    *budget -= b.len;
    {
        zj_code rc = zj__ooxml_parse(b.data ? b.data : "", b.len, name, doc, err);
        zj__strbuf_free(&b);
        return rc;
    }
}

zj_code zj__ooxml_parse(const char *xml, size_t len, const char *name, xmlDocPtr *doc, zj_error *err)
{
    *doc = NULL;
    if (len > ZJ_OOXML_MAX_PART)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, name, ("部件超过 %zu 字节，未读取", ZJ_OOXML_MAX_PART),
                       ("the part is larger than %zu bytes, so it was not read", ZJ_OOXML_MAX_PART));
    if (has_doctype(xml, len))
        return ZJ_FAIL(err, ZJ_ERR_PARSE, name,
                       ("部件含有文档类型声明（DOCTYPE/实体），Office 文件不会有，已拒绝"),
                       ("the part has a document type declaration (DOCTYPE, entities), which Office "
                        "files never have: refused"));
    *doc = xmlReadMemory(xml, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!*doc)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, name,
                       ("XML 格式错误"),
                       ("malformed XML"));
    if ((*doc)->intSubset || (*doc)->extSubset) {
        xmlFreeDoc(*doc);
        *doc = NULL;
        return ZJ_FAIL(err, ZJ_ERR_PARSE, name, ("部件含有文档类型声明，已拒绝"),
                       ("the part has a document type declaration: refused"));
    }
    return ZJ_OK;
}

/* All <t> text under n, skipping phonetic runs (<rPh>). */
static void run_text(const xmlNode *n, zj__strbuf *b)
{
    const xmlNode *c;

    for (c = n->children; c; c = c->next) {
        if (zj__xml_is(c, "rPh"))
            continue;
        if (zj__xml_is(c, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                zj__strbuf_puts(b, (const char *)t);
                xmlFree(t);
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            run_text(c, b);
        }
    }
}

typedef struct sst {
    char **s;
    size_t n;
} sst;

static void sst_free(sst *s)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        free(s->s[i]);
    free(s->s);
}

/* The shared strings of a parsed sharedStrings.xml (doc is freed). */
static zj_code sst_of(xmlDocPtr doc, sst *out, zj_error *err)
{
    const xmlNode *root, *c;
    size_t cap = 0;

    root = xmlDocGetRootElement(doc);
    for (c = root ? root->children : NULL; c; c = c->next) {
        zj__strbuf b = ZJ_STRBUF_INIT;
        if (!zj__xml_is(c, "si"))
            continue;
        run_text(c, &b);
        if (b.len > ZJ_GRID_MAX_BYTES) {
            zj__strbuf_free(&b);
            xmlFreeDoc(doc);
            sst_free(out);
            return zj__grid_error(ZJ_GRID_TOO_BIG, "共享字符串", "a shared string", err);
        }
        if (out->n == cap) {
            char **s = realloc(out->s, (cap = cap ? cap * 2 : 64) * sizeof *s);
            if (!s) {
                zj__strbuf_free(&b);
                goto nomem;
            }
            out->s = s;
        }
        if (!b.data)
            zj__strbuf_append(&b, "", 0);
        if (!(out->s[out->n] = zj__strbuf_take(&b)))
            goto nomem;
        out->n++;
    }
    xmlFreeDoc(doc);
    return ZJ_OK;
nomem:
    xmlFreeDoc(doc);
    sst_free(out);
    return nomem(err);
}

static zj_code load_sst(zip_t *za, size_t *budget, sst *out, zj_error *err)
{
    xmlDocPtr doc;
    zj_code rc;

    memset(out, 0, sizeof *out);
    if ((rc = zj__zip_xml(za, "xl/sharedStrings.xml", budget, &doc, err)) || !doc)
        return rc;
    return sst_of(doc, out, err);
}

/* "AB12" -> col 27, row 11 (0-based); 0 when malformed. */
static int cell_ref(const char *r, size_t *row, size_t *col)
{
    size_t c = 0, n = 0;

    while (*r >= 'A' && *r <= 'Z') {
        c = c * 26 + (size_t)(*r++ - 'A' + 1);
        if (c > ZJ_GRID_MAX_COLS)
            return 0;
    }
    while (*r >= '0' && *r <= '9') {
        n = n * 10 + (size_t)(*r++ - '0');
        if (n > ZJ_GRID_MAX_ROWS)
            return 0;
    }
    if (*r || c == 0 || n == 0)
        return 0;
    *row = n - 1;
    *col = c - 1;
    return 1;
}

static void number_text(const char *v, zj__strbuf *b)
{
    char *end;
    double d = strtod(v, &end);

    if (*v && !*end && isfinite(d) && d == floor(d) && fabs(d) < 1e15)
        zj__strbuf_printf(b, "%.0f", d);
    else
        zj__strbuf_puts(b, v);
}

static zj_code read_sheet(xmlDocPtr doc, const sst *s, zj__grids *out, zj_error *err)
{
    const xmlNode *root = xmlDocGetRootElement(doc), *sd = NULL, *row, *c, *k;
    zj__grid_builder b;
    size_t next_row = 0;

    memset(&b, 0, sizeof b);
    for (c = root ? root->children : NULL; c; c = c->next)
        if (zj__xml_is(c, "sheetData"))
            sd = c;
    if (!sd)
        return ZJ_OK;
    for (row = sd->children; row; row = row->next) {
        size_t r = next_row, next_col = 0;
        xmlChar *ra;

        if (!zj__xml_is(row, "row"))
            continue;
        if ((ra = xmlGetProp(row, (const xmlChar *)"r")) != NULL) {
            long v = strtol((const char *)ra, NULL, 10);
            if (v >= 1 && v <= ZJ_GRID_MAX_ROWS)
                r = (size_t)v - 1;
            xmlFree(ra);
        }
        next_row = r + 1;
        for (c = row->children; c; c = c->next) {
            xmlChar *ref, *type;
            size_t cr = r, cc = next_col;
            zj__strbuf t = ZJ_STRBUF_INIT;
            const char *ty;

            if (!zj__xml_is(c, "c"))
                continue;
            if ((ref = xmlGetProp(c, (const xmlChar *)"r")) != NULL) {
                if (!cell_ref((const char *)ref, &cr, &cc))
                    cr = r, cc = next_col;
                xmlFree(ref);
            }
            next_col = cc + 1;
            type = xmlGetProp(c, (const xmlChar *)"t");
            ty = type ? (const char *)type : "n";
            for (k = c->children; k; k = k->next) {
                if (zj__xml_is(k, "is")) {
                    run_text(k, &t);
                } else if (zj__xml_is(k, "v")) {
                    xmlChar *v = xmlNodeGetContent(k);
                    const char *vs = v ? (const char *)v : "";
                    if (strcmp(ty, "s") == 0) {
                        char *end;
                        long i = strtol(vs, &end, 10);
                        if (*vs && !*end && i >= 0 && (size_t)i < s->n)
                            zj__strbuf_puts(&t, s->s[i]);
                    } else if (strcmp(ty, "n") == 0) {
                        number_text(vs, &t);
                    } else {
                        zj__strbuf_puts(&t, vs);
                    }
                    if (v)
                        xmlFree(v);
                }
            }
            if (type)
                xmlFree(type);
            if (t.failed || !zj__grid_set(&b, cr, cc, t.data ? t.data : "", t.len)) {
                zj__grid_failure why = t.failed ? ZJ_GRID_NOMEM : b.failed;
                zj__strbuf_free(&t);
                zj__grid_builder_free(&b);
                return zj__grid_error(why, "工作表", "the worksheet", err);
            }
            zj__strbuf_free(&t);
        }
    }
    if (!zj__grid_finish(&b, out)) {
        zj__grid_failure why = b.failed;
        zj__grid_builder_free(&b);
        return zj__grid_error(why, "文件中的工作表", "the worksheets of the file", err);
    }
    return ZJ_OK;
}

zj_code zj__xlsx_tables(const char *data, size_t len, zj__grids *out, zj_error *err)
{
    zip_t *za;
    sst s;
    zj_code rc;
    int i;
    size_t budget = ZJ_OOXML_MAX_TOTAL;

    memset(out, 0, sizeof *out);
    if ((rc = zj__zip_open_memory(data, len, &za, err)))
        return rc;
    if ((rc = load_sst(za, &budget, &s, err))) {
        zip_discard(za);
        return rc;
    }
    /* sheet1.xml, sheet2.xml, ... in order (the names Excel, WPS and Calc
     * write); stop at the first gap. */
    for (i = 1; i <= 256; i++) {
        char name[64];
        xmlDocPtr doc;

        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
        if ((rc = zj__zip_xml(za, name, &budget, &doc, err)))
            break;
        if (!doc)
            break;
        rc = read_sheet(doc, &s, out, err);
        xmlFreeDoc(doc);
        if (rc)
            break;
    }
    if (rc == ZJ_OK && i == 1)
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                     ("xlsx 文件中没有工作表（xl/worksheets/sheet1.xml）"),
                     ("the xlsx file has no worksheet (xl/worksheets/sheet1.xml)"));
    if (rc)
        zj__grids_free(out);
    sst_free(&s);
    zip_discard(za);
    return rc;
}

/* ---- one worksheet by its name (zhijiao batch --sheet NAME) ---------------- */

/* The r:id of a <sheet>, in the transitional or the strict namespace. */
static xmlChar *rel_id(xmlNode *n)
{
    xmlAttr *a;

    for (a = n->properties; a; a = a->next)
        if (a->ns && a->name && strcmp((const char *)a->name, "id") == 0)
            return xmlNodeGetContent((xmlNode *)a);
    return NULL;
}

/* The zip path of the worksheet named `name` (workbook.xml's <sheet> and
 * the workbook's relationships) into *part; the names there are, joined
 * with ", ", into *names for the message when none matches. */
static zj_code find_sheet_part(zip_t *za, size_t *budget, const char *name, zj__strbuf *part,
                               zj__strbuf *names, zj_error *err)
{
    xmlDocPtr wb = NULL, rels = NULL;
    xmlNode *root, *c, *s;
    xmlChar *id = NULL;
    zj_code rc;

    if ((rc = zj__zip_xml(za, "xl/workbook.xml", budget, &wb, err)) ||
        (rc = zj__zip_xml(za, "xl/_rels/workbook.xml.rels", budget, &rels, err)))
        goto out;
    root = wb ? xmlDocGetRootElement(wb) : NULL;
    for (c = root ? root->children : NULL; c && !id; c = c->next) {
        if (!zj__xml_is(c, "sheets"))
            continue;
        for (s = c->children; s && !id; s = s->next) {
            xmlChar *nm;
            if (!zj__xml_is(s, "sheet") || !(nm = xmlGetProp(s, (const xmlChar *)"name")))
                continue;
            if (strcmp((const char *)nm, name) == 0)
                id = rel_id(s);
            zj__strbuf_printf(names, "%s%s", names->len ? ", " : "", (const char *)nm);
            xmlFree(nm);
        }
    }
    root = rels ? xmlDocGetRootElement(rels) : NULL;
    for (c = root && id ? root->children : NULL; c && !part->len; c = c->next) {
        xmlChar *rid, *target;
        if (!zj__xml_is(c, "Relationship") || !(rid = xmlGetProp(c, (const xmlChar *)"Id")))
            continue;
        if (strcmp((const char *)rid, (const char *)id) == 0 &&
            (target = xmlGetProp(c, (const xmlChar *)"Target")) != NULL) {
            /* Relative to xl/, or absolute within the package. */
            if (target[0] == '/')
                zj__strbuf_puts(part, (const char *)target + 1);
            else
                zj__strbuf_printf(part, "xl/%s", (const char *)target);
            xmlFree(target);
        }
        xmlFree(rid);
    }
    if (!part->len)
        rc = ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, NULL, ("没有名为“%.64s”的工作表；工作表有：%.300s", name,
                                                   names->data ? names->data : ""),
                     ("no worksheet named \"%.64s\"; the worksheets are: %.300s", name,
                      names->data ? names->data : ""));
out:
    if (id)
        xmlFree(id);
    if (wb)
        xmlFreeDoc(wb);
    if (rels)
        xmlFreeDoc(rels);
    return rc;
}

zj_code zj__xlsx_table_named(const char *data, size_t len, const char *name, zj__grids *out,
                            zj_error *err)
{
    zip_t *za;
    sst s;
    zj__strbuf part = ZJ_STRBUF_INIT, names = ZJ_STRBUF_INIT;
    xmlDocPtr doc = NULL;
    zj_code rc;
    size_t budget = ZJ_OOXML_MAX_TOTAL;

    memset(out, 0, sizeof *out);
    if ((rc = zj__zip_open_memory(data, len, &za, err)))
        return rc;
    memset(&s, 0, sizeof s);
    if (!(rc = find_sheet_part(za, &budget, name, &part, &names, err)) &&
        !(rc = load_sst(za, &budget, &s, err)) &&
        !(rc = zj__zip_xml(za, part.data, &budget, &doc, err))) {
        if (doc)
            rc = read_sheet(doc, &s, out, err);
        if (rc == ZJ_OK && out->n == 0)
            rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL, ("工作表“%.64s”没有数据", name),
                         ("the worksheet \"%.64s\" holds no data", name));
    }
    if (rc)
        zj__grids_free(out);
    if (doc)
        xmlFreeDoc(doc);
    zj__strbuf_free(&part);
    zj__strbuf_free(&names);
    sst_free(&s);
    zip_discard(za);
    return rc;
}

zj_code zj__xlsx_parts_tables(const char *sheet, size_t sheet_len, const char *shared, size_t shared_len,
                             zj__grids *out, zj_error *err)
{
    xmlDocPtr doc = NULL;
    sst s;
    zj_code rc;

    memset(out, 0, sizeof *out);
    memset(&s, 0, sizeof s);
    if (shared && (rc = zj__ooxml_parse(shared, shared_len, "xl/sharedStrings.xml", &doc, err)) != ZJ_OK)
        return rc;
    if (doc && (rc = sst_of(doc, &s, err)) != ZJ_OK)
        return rc;
    if ((rc = zj__ooxml_parse(sheet, sheet_len, "xl/worksheets/sheet1.xml", &doc, err)) == ZJ_OK) {
        rc = read_sheet(doc, &s, out, err);
        xmlFreeDoc(doc);
    }
    if (rc)
        zj__grids_free(out);
    sst_free(&s);
    return rc;
}
