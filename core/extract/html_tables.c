/* html_tables.c — the tables of an HTML page as grids.
 *
 * libxml2's HTML parser (error-tolerant, no network) builds the tree; each
 * <table> becomes a grid, rows in document order (thead, tbody, tfoot or
 * bare), rowspan/colspan laid out as a browser does: the text goes to the
 * top-left cell, the cells a span covers are empty.  Tables nested in a
 * cell are grids of their own; the outer cell gets their text too. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "grid.h"
#include "html_doc.h"
#include "strbuf.h"

static int is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, name) == 0;
}

void zj__html_text(const xmlNode *n, zj__strbuf *b)
{
    const xmlNode *c;

    for (c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                zj__strbuf_puts(b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (is(c, "script") || is(c, "style"))
                continue;
            if (is(c, "br"))
                zj__strbuf_putc(b, '\n');
            zj__html_text(c, b);
            if (is(c, "p") || is(c, "div") || is(c, "tr") || is(c, "li"))
                zj__strbuf_putc(b, '\n');
            else if (is(c, "td") || is(c, "th"))
                zj__strbuf_putc(b, ' ');
        }
    }
}

static long span(const xmlNode *cell, const char *attr, long max)
{
    xmlChar *v = xmlGetProp(cell, (const xmlChar *)attr);
    long n = 1;

    if (v) {
        n = strtol((const char *)v, NULL, 10);
        xmlFree(v);
    }
    if (n < 1)
        n = 1;
    return n > max ? max : n;
}

static int add_row(zj__grid_builder *b, const xmlNode *tr, size_t r)
{
    const xmlNode *c;
    size_t col = 0;
    zj__strbuf t = ZJ_STRBUF_INIT;

    for (c = tr->children; c; c = c->next) {
        long rs, cs, i, j;

        if (!is(c, "td") && !is(c, "th"))
            continue;
        while (!zj__grid_cell_empty(b, r, col))
            col++;
        rs = span(c, "rowspan", 1000);
        cs = span(c, "colspan", 64);
        if (col + (size_t)cs > ZJ_GRID_MAX_COLS || r + (size_t)rs > ZJ_GRID_MAX_ROWS) {
            b->failed = ZJ_GRID_TOO_BIG;
            return 0;
        }
        zj__strbuf_reset(&t);
        zj__html_text(c, &t);
        if (t.failed) {
            zj__strbuf_free(&t);
            b->failed = ZJ_GRID_NOMEM;
            return 0;
        }
        for (i = 0; i < rs; i++)
            for (j = 0; j < cs; j++)
                if (!zj__grid_set(b, r + (size_t)i, col + (size_t)j,
                                 (i == 0 && j == 0 && t.data) ? t.data : "",
                                 (i == 0 && j == 0) ? t.len : 0)) {
                    zj__strbuf_free(&t);
                    return 0;
                }
        col += (size_t)cs;
    }
    /* A row with no cells still counts (so row numbers match). */
    if (col == 0 && !zj__grid_set(b, r, 0, "", 0)) {
        zj__strbuf_free(&t);
        return 0;
    }
    zj__strbuf_free(&t);
    return 1;
}

static int collect_rows(zj__grid_builder *b, const xmlNode *parent, size_t *r)
{
    const xmlNode *c;

    for (c = parent->children; c; c = c->next) {
        if (is(c, "tr")) {
            if (!add_row(b, c, (*r)++))
                return 0;
        } else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot")) {
            if (!collect_rows(b, c, r))
                return 0;
        }
    }
    return 1;
}

/* ZJ_GRID_OK, or why a table could not be read (the cells of all the
 * tables of a page count against one file's limits: 2,000 tables of huge
 * spans stop there). */
static zj__grid_failure walk(const xmlNode *n, zj__grids *out, int depth)
{
    const xmlNode *c;
    zj__grid_failure why;

    if (depth > 200)
        return ZJ_GRID_OK;
    for (c = n; c; c = c->next) {
        if (is(c, "table")) {
            zj__grid_builder b;
            size_t r = 0;

            memset(&b, 0, sizeof b);
            if (!collect_rows(&b, c, &r) || !zj__grid_finish(&b, out)) {
                why = b.failed ? b.failed : ZJ_GRID_NOMEM;
                zj__grid_builder_free(&b);
                return why;
            }
        }
        if (c->children && (why = walk(c->children, out, depth + 1)) != ZJ_GRID_OK)
            return why;
    }
    return ZJ_GRID_OK;
}

zj_code zj__html_tables(const char *html, size_t len, zj__grids *out, zj_error *err)
{
    htmlDocPtr doc;
    zj_code rc = ZJ_OK;
    zj__grid_failure why;

    memset(out, 0, sizeof *out);
    if (!(doc = zj__html_parse(html, len)))
        return ZJ_OK;   /* nothing a parser could make sense of: no tables */
    if ((why = walk(xmlDocGetRootElement(doc), out, 0)) != ZJ_GRID_OK) {
        zj__grids_free(out);
        rc = zj__grid_error(why, "网页中的表格", "the tables of the page", err);
    }
    xmlFreeDoc(doc);
    return rc;
}

htmlDocPtr zj__html_parse(const char *html, size_t len)
{
    if (len > 0x7fffffff)
        return NULL;
    return htmlReadMemory(html, (int)len, NULL, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET | HTML_PARSE_COMPACT);
}
