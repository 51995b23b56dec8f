/* docx_read.c — the tables of a .docx file as grids (libzip + libxml2).
 *
 * word/document.xml: each w:tbl is a grid; w:gridBefore and w:gridSpan
 * place a cell in the table's column grid; w:vMerge without
 * w:val="restart" continues the cell above, so it is left empty (the
 * grid convention for merged cells).  Paragraphs inside a cell are joined
 * as lines.  A table nested in a cell contributes its text to that cell. */
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "grid.h"
#include "ooxml.h"
#include "strbuf.h"

static long val_of(const xmlNode *n, long dflt)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"val");
    long r = dflt;

    if (v) {
        r = strtol((const char *)v, NULL, 10);
        xmlFree(v);
    }
    return r;
}

static void cell_text(const xmlNode *n, zj__strbuf *b, int depth)
{
    const xmlNode *c;

    if (depth > 100)
        return;
    for (c = n->children; c; c = c->next) {
        if (zj__xml_is(c, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                zj__strbuf_puts(b, (const char *)t);
                xmlFree(t);
            }
        } else if (zj__xml_is(c, "br") || zj__xml_is(c, "cr")) {
            zj__strbuf_putc(b, '\n');
        } else if (zj__xml_is(c, "tab")) {
            zj__strbuf_putc(b, ' ');
        } else if (c->type == XML_ELEMENT_NODE) {
            cell_text(c, b, depth + 1);
            if (zj__xml_is(c, "p"))
                zj__strbuf_putc(b, '\n');
        }
    }
}

/* 0 = no vMerge, 1 = restart, 2 = continue */
static int vmerge(const xmlNode *tc, long *span)
{
    const xmlNode *p, *c;
    int vm = 0;

    *span = 1;
    for (p = tc->children; p; p = p->next) {
        if (!zj__xml_is(p, "tcPr"))
            continue;
        for (c = p->children; c; c = c->next) {
            if (zj__xml_is(c, "gridSpan")) {
                *span = val_of(c, 1);
            } else if (zj__xml_is(c, "vMerge")) {
                xmlChar *v = xmlGetProp(c, (const xmlChar *)"val");
                vm = (v && strcmp((const char *)v, "restart") == 0) ? 1 : 2;
                if (v)
                    xmlFree(v);
            }
        }
    }
    if (*span < 1)
        *span = 1;
    if (*span > 64)
        *span = 64;
    return vm;
}

/* ZJ_GRID_OK, or why the table could not be read. */
static zj__grid_failure read_table(const xmlNode *tbl, zj__grids *out)
{
    const xmlNode *tr, *tc, *p, *c;
    zj__grid_builder b;
    size_t r = 0;
    zj__strbuf t = ZJ_STRBUF_INIT;
    zj__grid_failure why;

    memset(&b, 0, sizeof b);
    for (tr = tbl->children; tr; tr = tr->next) {
        size_t col = 0;

        if (!zj__xml_is(tr, "tr"))
            continue;
        for (p = tr->children; p; p = p->next)
            if (zj__xml_is(p, "trPr"))
                for (c = p->children; c; c = c->next)
                    if (zj__xml_is(c, "gridBefore")) {
                        long gb = val_of(c, 0);
                        col = gb > 0 && gb < 64 ? (size_t)gb : 0;
                    }
        for (tc = tr->children; tc; tc = tc->next) {
            long sp, j;
            int vm;

            if (!zj__xml_is(tc, "tc"))
                continue;
            vm = vmerge(tc, &sp);
            zj__strbuf_reset(&t);
            if (vm != 2)
                cell_text(tc, &t, 0);
            if (t.failed)
                b.failed = ZJ_GRID_NOMEM;
            else if (col + (size_t)sp > ZJ_GRID_MAX_COLS)
                b.failed = ZJ_GRID_TOO_BIG;
            if (b.failed)
                goto fail;
            for (j = 0; j < sp; j++)
                if (!zj__grid_set(&b, r, col + (size_t)j, (j == 0 && t.data) ? t.data : "",
                                 j == 0 ? t.len : 0))
                    goto fail;
            col += (size_t)sp;
        }
        if (col == 0 && !zj__grid_set(&b, r, 0, "", 0))
            goto fail;
        r++;
    }
    zj__strbuf_free(&t);
    if (!zj__grid_finish(&b, out)) {
        why = b.failed;
        zj__grid_builder_free(&b);
        return why;
    }
    return ZJ_GRID_OK;
fail:
    why = b.failed;
    zj__strbuf_free(&t);
    zj__grid_builder_free(&b);
    return why;
}

static zj__grid_failure walk(const xmlNode *n, zj__grids *out, int depth)
{
    const xmlNode *c;

    if (depth > 100)
        return 1;
    for (c = n; c; c = c->next) {
        zj__grid_failure why;
        if (zj__xml_is(c, "tbl")) {
            if ((why = read_table(c, out)) != ZJ_GRID_OK)
                return why;
            continue;   /* nested tables are text of their cell */
        }
        if (c->children && (why = walk(c->children, out, depth + 1)) != ZJ_GRID_OK)
            return why;
    }
    return ZJ_GRID_OK;
}

zj_code zj__docx_tables(const char *data, size_t len, zj__grids *out, zj_error *err)
{
    zip_t *za;
    xmlDocPtr doc;
    zj_code rc;
    zj__grid_failure why = ZJ_GRID_OK;
    size_t budget = ZJ_OOXML_MAX_TOTAL;

    memset(out, 0, sizeof *out);
    if ((rc = zj__zip_open_memory(data, len, &za, err)))
        return rc;
    rc = zj__zip_xml(za, "word/document.xml", &budget, &doc, err);
    if (rc == ZJ_OK && !doc)
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                     ("docx 文件中没有 word/document.xml"),
                     ("the docx file has no word/document.xml"));
    if (rc == ZJ_OK && (why = walk(xmlDocGetRootElement(doc), out, 0)) != ZJ_GRID_OK) {
        zj__grids_free(out);
        rc = zj__grid_error(why, "文档中的表格", "a table of the document", err);
    }
    if (doc)
        xmlFreeDoc(doc);
    zip_discard(za);
    return rc;
}

zj_code zj__docx_xml_tables(const char *xml, size_t len, zj__grids *out, zj_error *err)
{
    xmlDocPtr doc;
    zj__grid_failure why;
    zj_code rc;

    memset(out, 0, sizeof *out);
    if ((rc = zj__ooxml_parse(xml, len, "word/document.xml", &doc, err)) != ZJ_OK)
        return rc;
    if ((why = walk(xmlDocGetRootElement(doc), out, 0)) != ZJ_GRID_OK) {
        zj__grids_free(out);
        rc = zj__grid_error(why, "文档中的表格", "a table of the document", err);
    }
    xmlFreeDoc(doc);
    return rc;
}
