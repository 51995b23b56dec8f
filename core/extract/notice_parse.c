/* notice_parse.c — reading the notice lists and the articles of
 * jw.beijing.gov.cn (TRS CMS) and bjeea.cn. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "fetch.h"
#include "grid.h"
#include "html_doc.h"
#include "notice.h"
#include "strbuf.h"
#include "utf8.h"

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

void zj__links_free(zj__links *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->items[i].url);
        free(l->items[i].title);
        free(l->items[i].date);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

static int is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, name) == 0;
}

static int all_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return n > 0;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');

    return s ? s + 1 : path;
}

/* The path of an absolute URL without query or fragment, into buf. */
static void path_of(const char *url, char *buf, size_t size)
{
    const char *p = strstr(url, "://"), *e;
    size_t n;

    p = p ? strchr(p + 3, '/') : NULL;
    if (!p)
        p = "/";
    e = p + strcspn(p, "?#");
    n = (size_t)(e - p);
    if (n >= size)
        n = size - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
}

/* .../YYYYMM/tYYYYMMDD_N.html or .../YYYY/MMDD/N.html */
static int article_path(const char *path)
{
    const char *b = base_name(path), *u, *dot;
    size_t blen = strlen(b);

    if (blen < 6 || strcmp(b + blen - 5, ".html") != 0)
        return 0;
    dot = b + blen - 5;
    if (b[0] == 't' && (u = memchr(b, '_', (size_t)(dot - b))) != NULL && u - b == 9 &&
        all_digits(b + 1, 8) && all_digits(u + 1, (size_t)(dot - u - 1)))
        return 1;
    if (all_digits(b, (size_t)(dot - b)) && b - path >= 11) {
        const char *d = b - 10;   /* "YYYY/MMDD/" */
        if (d[-1] == '/' && all_digits(d, 4) && d[4] == '/' && all_digits(d + 5, 4) && d[9] == '/')
            return 1;
    }
    return 0;
}

static const char *const attach_ext[] = { ".doc", ".docx", ".xls", ".xlsx", ".pdf", ".wps", ".et", NULL };

/* P0….ext / W0….ext, or any file with those extensions under /uploads/ */
static int attachment_path(const char *path)
{
    const char *b = base_name(path), *dot = strrchr(b, '.');
    size_t i;
    int ext = 0;

    if (!dot)
        return 0;
    for (i = 0; attach_ext[i]; i++)
        if (strcasecmp(dot, attach_ext[i]) == 0)
            ext = 1;
    if (!ext)
        return 0;
    if ((b[0] == 'P' || b[0] == 'W') && b[1] == '0' && all_digits(b + 1, (size_t)(dot - b - 1)))
        return 1;
    return strstr(path, "/uploads/") != NULL;
}

static char *node_text(const xmlNode *n)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    char *t;

    zj__html_text(n, &b);
    t = zj__cell_text(b.data ? b.data : "", b.len);
    zj__strbuf_free(&b);
    return t;
}

/* A YYYY-MM-DD (or YYYY/MM/DD, YYYY.MM.DD) in text, into out[11]. */
static int find_date(const char *t, char out[11])
{
    size_t i, n = strlen(t);

    for (i = 0; i + 10 <= n; i++)
        if (all_digits(t + i, 4) && (t[i + 4] == '-' || t[i + 4] == '/' || t[i + 4] == '.') &&
            all_digits(t + i + 5, 2) && t[i + 7] == t[i + 4] && all_digits(t + i + 8, 2) &&
            (i == 0 || !isdigit((unsigned char)t[i - 1]))) {
            snprintf(out, 11, "%.4s-%.2s-%.2s", t + i, t + i + 5, t + i + 8);
            return 1;
        }
    return 0;
}

static int add_link(zj__links *l, const char *url, const char *title, const char *date)
{
    zj__link *it;
    size_t i;

    for (i = 0; i < l->n; i++)
        if (strcmp(l->items[i].url, url) == 0)
            return 1;   /* the same article linked twice (title + "more") */
    if (l->n >= ZJ_MAX_LINKS_PER_PAGE) {
        l->dropped++;
        return 1;
    }
    it = realloc(l->items, (l->n + 1) * sizeof *it);
    if (!it)
        return 0;
    l->items = it;
    it = &l->items[l->n];
    it->url = zj__strdup(url);
    it->title = zj__strdup(title ? title : "");
    it->date = zj__strdup(date ? date : "");
    if (!it->url || !it->title || !it->date) {
        free(it->url);
        free(it->title);
        free(it->date);
        return 0;
    }
    l->n++;
    return 1;
}

typedef int (*path_pred)(const char *path);

static int collect_links(const xmlNode *n, const char *base, path_pred pred, zj__links *out, int depth)
{
    const xmlNode *c;

    if (depth > 200)
        return 1;
    for (c = n; c; c = c->next) {
        if (is(c, "a")) {
            xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
            char *url = href ? zj__url_resolve(base, (const char *)href) : NULL, path[2048];
            int ok = 1;

            if (url) {
                path_of(url, path, sizeof path);
                if (pred(path)) {
                    xmlChar *ta = xmlGetProp(c, (const xmlChar *)"title");
                    char *text = ta ? zj__cell_text((const char *)ta, strlen((const char *)ta)) : node_text(c);
                    char date[11] = "";
                    /* the date printed beside the link: in the link's row */
                    if (c->parent) {
                        char *pt = node_text(c->parent);
                        if (pt)
                            find_date(pt, date);
                        free(pt);
                    }
                    ok = text && add_link(out, url, text, date);
                    free(text);
                    if (ta)
                        xmlFree(ta);
                }
            }
            free(url);
            if (href)
                xmlFree(href);
            if (!ok)
                return 0;
        }
        if (c->children && !collect_links(c->children, base, pred, out, depth + 1))
            return 0;
    }
    return 1;
}

zj_code zj__parse_list(const char *html, size_t len, const char *page_url, zj__links *out,
                      int *count_page, zj_error *err)
{
    htmlDocPtr doc;
    const char *p;
    size_t i;

    memset(out, 0, sizeof *out);
    *count_page = 1;
    /* var countPage = 12//共多少页 */
    for (i = 0; i + 9 < len; i++) {
        if (memcmp(html + i, "countPage", 9) != 0)
            continue;
        p = html + i + 9;
        while (p < html + len && (*p == ' ' || *p == '\t'))
            p++;
        if (p < html + len && *p == '=') {
            long n;
            p++;
            while (p < html + len && (*p == ' ' || *p == '\t'))
                p++;
            n = (p < html + len && isdigit((unsigned char)*p)) ? strtol(p, NULL, 10) : 0;
            if (n > 0)
                *count_page = n > 10000 ? 10000 : (int)n;
            break;
        }
    }
    if (!(doc = zj__html_parse(html, len)))
        return ZJ_OK;
    if (!collect_links(xmlDocGetRootElement(doc), page_url, article_path, out, 0)) {
        xmlFreeDoc(doc);
        zj__links_free(out);
        return nomem(err);
    }
    xmlFreeDoc(doc);
    return ZJ_OK;
}

/* ---- articles ------------------------------------------------------------------ */

static void find_meta(const xmlNode *n, zj__article *a, int depth)
{
    const xmlNode *c;

    if (depth > 200)
        return;
    for (c = n; c; c = c->next) {
        if (is(c, "meta")) {
            xmlChar *name = xmlGetProp(c, (const xmlChar *)"name");
            xmlChar *content = xmlGetProp(c, (const xmlChar *)"content");
            char **slot = NULL;

            if (name && content) {
                const char *nm = (const char *)name;
                if (strcasecmp(nm, "ArticleTitle") == 0) slot = &a->title;
                else if (strcasecmp(nm, "PubDate") == 0) slot = &a->date;
                else if (strcasecmp(nm, "ContentSource") == 0) slot = &a->source;
                else if (strcasecmp(nm, "ColumnName") == 0) slot = &a->column;
                if (slot && !*slot)
                    *slot = zj__cell_text((const char *)content, strlen((const char *)content));
            }
            if (name) xmlFree(name);
            if (content) xmlFree(content);
        } else if (is(c, "title") && !a->title) {
            a->title = node_text(c);
        }
        if (c->children)
            find_meta(c->children, a, depth + 1);
    }
}

static const xmlNode *find_class(const xmlNode *n, const char *cls, int depth)
{
    const xmlNode *c, *r;

    if (depth > 200)
        return NULL;
    for (c = n; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            xmlChar *v = xmlGetProp(c, (const xmlChar *)"class");
            int hit = v && strstr((const char *)v, cls) != NULL;
            if (v)
                xmlFree(v);
            if (hit)
                return c;
        }
        if (c->children && (r = find_class(c->children, cls, depth + 1)) != NULL)
            return r;
    }
    return NULL;
}

int zj__notice_relevant(const char *t)
{
    return t && (strstr(t, "贯通培养") || strstr(t, "中高职衔接") || strstr(t, "招生计划") ||
                 strstr(t, "3+2") || strstr(t, "贯通"));
}

const char *zj__notice_programme(const char *t)
{
    if (!t)
        return NULL;
    if (strstr(t, "中高职衔接") || strstr(t, "3+2"))
        return "3+2";
    if (strstr(t, "贯通"))
        return "贯通";
    return NULL;
}

/* 京教职成〔2023〕6号: 京 + up to 6 CJK characters, 〔 or [ , 4 digits,
 * 〕 or ], digits, 号. */
char *zj__find_docno(const char *text)
{
    const char *p;

    for (p = text ? strstr(text, "京") : NULL; p; p = strstr(p + 3, "京")) {
        const char *q = p, *open;
        int k = 0;
        char year[5], num[16];
        size_t nn = 0;

        while (k < 7 && (unsigned char)*q >= 0xE4 && (unsigned char)*q <= 0xE9 && q[1] && q[2]) {
            if (strncmp(q, "〔", 3) == 0)
                break;
            q += 3;
            k++;
        }
        open = q;
        if (strncmp(q, "〔", 3) == 0) q += 3;
        else if (*q == '[' || strncmp(q, "［", 3) == 0) q += (*q == '[') ? 1 : 3;
        else continue;
        if (!all_digits(q, 4))
            continue;
        memcpy(year, q, 4);
        year[4] = '\0';
        q += 4;
        if (strncmp(q, "〕", 3) == 0) q += 3;
        else if (*q == ']' || strncmp(q, "］", 3) == 0) q += (*q == ']') ? 1 : 3;
        else continue;
        while (isdigit((unsigned char)*q) && nn + 1 < sizeof num)
            num[nn++] = *q++;
        num[nn] = '\0';
        if (!nn || strncmp(q, "号", 3) != 0)
            continue;
        {
            zj__strbuf b = ZJ_STRBUF_INIT;
            zj__strbuf_append(&b, p, (size_t)(open - p));
            zj__strbuf_printf(&b, "〔%s〕%s号", year, num);
            return zj__strbuf_take(&b);
        }
    }
    return zj__strdup("");
}

static int year_before_nian(const char *t)
{
    const char *p;

    for (p = t ? strstr(t, "年") : NULL; p; p = strstr(p + 3, "年"))
        if (p - t >= 4 && all_digits(p - 4, 4)) {
            int y = atoi(p - 4);
            if (y >= 1990 && y <= 2100)
                return y;
        }
    return 0;
}

void zj__article_free(zj__article *a)
{
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->column);
    free(a->docno);
    free(a->body);
    zj__links_free(&a->attachments);
    memset(a, 0, sizeof *a);
}

zj_code zj__parse_article(const char *html, size_t len, const char *url, zj__article *a,
                         zj_error *err)
{
    htmlDocPtr doc;
    const xmlNode *root, *body;
    char *text = NULL;

    memset(a, 0, sizeof *a);
    doc = zj__html_parse(html, len);
    root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (root)
        find_meta(root, a, 0);
    body = root ? find_class(root, "TRS_UEDITOR", 0) : NULL;
    if (!body && root)
        body = find_class(root, "TRS_Editor", 0);
    if (body) {
        xmlBufferPtr buf = xmlBufferCreate();
        if (buf && htmlNodeDump(buf, doc, (xmlNode *)body) >= 0) {
            a->body = zj__strndup((const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
            a->body_len = a->body ? (size_t)xmlBufferLength(buf) : 0;
        }
        if (buf)
            xmlBufferFree(buf);
        text = node_text(body);
    }
    if (root && !collect_links(root, url, attachment_path, &a->attachments, 0)) {
        xmlFreeDoc(doc);
        free(text);
        zj__article_free(a);
        return nomem(err);
    }
    if (doc)
        xmlFreeDoc(doc);
    if (!a->title) a->title = zj__strdup("");
    if (!a->date) a->date = zj__strdup("");
    if (!a->source) a->source = zj__strdup("");
    if (!a->column) a->column = zj__strdup("");
    if (!a->body) a->body = zj__strdup("");
    if (a->title && (a->docno = zj__find_docno(a->title)) && !*a->docno && text) {
        free(a->docno);
        a->docno = zj__find_docno(text);
    }
    free(text);
    if (!a->title || !a->date || !a->source || !a->column || !a->body || !a->docno) {
        zj__article_free(a);
        return nomem(err);
    }
    a->year = year_before_nian(a->title);
    if (!a->year && *a->docno) {
        const char *b = strstr(a->docno, "〔");
        if (b)
            a->year = atoi(b + 3);
    }
    if (!a->year && all_digits(a->date, 4))
        a->year = atoi(a->date);
    return ZJ_OK;
}
