/* refresh.c — the refresh pipeline: lists -> notices -> attachments ->
 * tables -> normalized plans -> audit -> diff -> snapshot.
 *
 * The downloads of all stages are one pipeline for the fetcher (parallel,
 * bounded per host and rate-limited; see "the downloads" below).  Failures
 * of single pages or attachments are warnings (the refresh goes on with
 * the rest); when no list page at all can be read the refresh fails and
 * the snapshot is left as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>

#include "charset.h"
#include "data_internal.h"
#include "error_internal.h"
#include "fetch.h"
#include "findings_internal.h"
#include "grid.h"
#include "notice.h"
#include "plan.h"
#include "strbuf.h"
#include "tempfile.h"
#include "utf8.h"

static const char *const default_bases[] = { "https://jw.beijing.gov.cn", "https://www.bjeea.cn" };

/* The notice columns of each site. */
static const char *const jw_columns[] = { "tzgg/", "xxgk/zxxxgk/", "xxgk/2024zcwj/2024qtwj/", NULL };
static const char *const bjeea_columns[] = { "html/zkzz/tzgg/", NULL };

typedef struct rtable {
    zj_refresh_table pub;
    char *name, *document, *source_url, *retrieved_at, *title, *date;
    zj__plan_rows rows;
    zj_findings findings;
} rtable;

struct zj_refresh_result {
    rtable *tables;
    size_t n_tables;
    zj__changes changes;
    char **warnings;
    zj_refresh_warning *winfo;      /* the same, in parts */
    size_t n_warnings;
    char **notes;
    zj_refresh_warning *ninfo;
    size_t n_notes;
    size_t requests, cached, retries;
    int committed;
    char *version;
};

void zj_refresh_options_init(zj_refresh_options *o)
{
    memset(o, 0, sizeof *o);
}

size_t zj_refresh_table_count(const zj_refresh_result *r) { return r ? r->n_tables : 0; }

const zj_refresh_table *zj_refresh_table_at(const zj_refresh_result *r, size_t i)
{
    return r && i < r->n_tables ? &r->tables[i].pub : NULL;
}

size_t zj_refresh_change_count(const zj_refresh_result *r) { return r ? r->changes.n : 0; }

const zj_refresh_change *zj_refresh_change_at(const zj_refresh_result *r, size_t i)
{
    return r && i < r->changes.n ? &r->changes.items[i] : NULL;
}

size_t zj_refresh_warning_count(const zj_refresh_result *r) { return r ? r->n_warnings : 0; }
size_t zj_refresh_note_count(const zj_refresh_result *r) { return r ? r->n_notes : 0; }

const char *zj_refresh_note_at(const zj_refresh_result *r, size_t i)
{
    return r && i < r->n_notes ? r->notes[i] : NULL;
}

const zj_refresh_warning *zj_refresh_warning_info(const zj_refresh_result *r, size_t i)
{
    return r && i < r->n_warnings ? &r->winfo[i] : NULL;
}

const zj_refresh_warning *zj_refresh_note_info(const zj_refresh_result *r, size_t i)
{
    return r && i < r->n_notes ? &r->ninfo[i] : NULL;
}

static void info_free(zj_refresh_warning *w)
{
    free((char *)w->url);
    free((char *)w->what);
    free((char *)w->message_en);
    free((char *)w->message_zh);
}

const char *zj_refresh_warning_at(const zj_refresh_result *r, size_t i)
{
    return r && i < r->n_warnings ? r->warnings[i] : NULL;
}

void zj_refresh_stats(const zj_refresh_result *r, size_t *requests, size_t *from_cache, size_t *retries)
{
    if (requests) *requests = r ? r->requests : 0;
    if (from_cache) *from_cache = r ? r->cached : 0;
    if (retries) *retries = r ? r->retries : 0;
}

int zj_refresh_committed(const zj_refresh_result *r) { return r ? r->committed : 0; }
const char *zj_refresh_version(const zj_refresh_result *r) { return r && r->version ? r->version : ""; }

void zj_refresh_result_free(zj_refresh_result *r)
{
    size_t i;

    if (!r)
        return;
    for (i = 0; i < r->n_tables; i++) {
        rtable *t = &r->tables[i];
        free(t->name);
        free(t->document);
        free(t->source_url);
        free(t->retrieved_at);
        free(t->title);
        free(t->date);
        zj__plan_rows_free(&t->rows);
        zj_findings_free(&t->findings);
    }
    free(r->tables);
    zj__changes_free(&r->changes);
    for (i = 0; i < r->n_warnings; i++) {
        free(r->warnings[i]);
        info_free(&r->winfo[i]);
    }
    free(r->warnings);
    free(r->winfo);
    for (i = 0; i < r->n_notes; i++) {
        free(r->notes[i]);
        info_free(&r->ninfo[i]);
    }
    free(r->notes);
    free(r->ninfo);
    free(r->version);
    free(r);
}

/* ---- the run ------------------------------------------------------------------- */

typedef struct run {
    const zj_refresh_options *o;
    zj__fetcher *f;
    zj_refresh_result *res;
    int failed_nomem;
} run;

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* url with %XX decoded, when that gives valid UTF-8 (a Chinese file
 * name reads as one), else url as it is; malloc'd. */
static char *url_decoded(const char *url)
{
    size_t n = strlen(url), i, o = 0, bad;
    char *d = malloc(n + 1);

    if (!d)
        return NULL;
    for (i = 0; i < n; i++) {
        int hi, lo;
        if (url[i] == '%' && i + 2 < n && (hi = hex_digit(url[i + 1])) >= 0 &&
            (lo = hex_digit(url[i + 2])) >= 0 && (hi || lo)) {
            d[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            d[o++] = url[i];
        }
    }
    d[o] = '\0';
    if (!zj__utf8_valid(d, o, &bad)) {
        memcpy(d, url, n + 1);
    }
    return d;
}

/* Adds "url: what: message (中文)" to the warnings, or to the notes, and
 * the same in parts (zj_refresh_warning_info). */
static void report(run *R, int note, const char *url, const zj_error *e, const char *what)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    char ***list = note ? &R->res->notes : &R->res->warnings;
    zj_refresh_warning **info = note ? &R->res->ninfo : &R->res->winfo;
    size_t *n = note ? &R->res->n_notes : &R->res->n_warnings;
    zj_refresh_warning wi;
    zj_refresh_warning *ni;
    char **w;
    char *s, *du = url_decoded(url);

    zj__strbuf_printf(&b, "%s: %s%s%s", du ? du : url, what ? what : "", what ? ": " : "",
                     e ? e->message_en : "");
    if (e && e->message_zh[0])
        zj__strbuf_printf(&b, " (%s)", e->message_zh);
    s = zj__strbuf_take(&b);
    wi.url = du;
    wi.what = zj__strdup(what ? what : "");
    wi.message_en = zj__strdup(e ? e->message_en : "");
    wi.message_zh = zj__strdup(e ? e->message_zh : "");
    if (!s || !wi.url || !wi.what || !wi.message_en || !wi.message_zh) {
        free(s);
        info_free(&wi);
        R->failed_nomem = 1;
        return;
    }
    if (R->o->progress)
        R->o->progress(R->o->progress_user, "skip", 0, 0, s);
    w = realloc(*list, (*n + 1) * sizeof *w);
    if (w)
        *list = w;
    ni = w ? realloc(*info, (*n + 1) * sizeof *ni) : NULL;
    if (!ni) {
        free(s);
        info_free(&wi);
        R->failed_nomem = 1;
        return;
    }
    *info = ni;
    w[*n] = s;
    ni[(*n)++] = wi;
}

static void warn(run *R, const char *url, const zj_error *e, const char *what)
{
    report(R, 0, url, e, what);
}

static char *url_join(const char *base, const char *rel)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    size_t n = strlen(base);

    zj__strbuf_append(&b, base, n);
    if (n && base[n - 1] != '/')
        zj__strbuf_putc(&b, '/');
    zj__strbuf_puts(&b, rel);
    return zj__strbuf_take(&b);
}

static int is_bjeea(const char *base)
{
    size_t n = strlen(base);

    return strstr(base, "bjeea") != NULL && !(n >= 3 && strcmp(base + n - 3, "/jw") == 0);
}

/* Adds the rows of one table to the result's table of that name. */
static void import_rows(run *R, zj__plan_rows *rows, const zj__plan_context *ctx, const zj__article *a)
{
    char name[64];
    size_t i;
    rtable *t = NULL;

    snprintf(name, sizeof name, "%s_%d", zj__plan_table_kind(rows), ctx->year);
    for (i = 0; i < R->res->n_tables; i++)
        if (strcmp(R->res->tables[i].name, name) == 0)
            t = &R->res->tables[i];
    if (!t) {
        rtable *nt = realloc(R->res->tables, (R->res->n_tables + 1) * sizeof *nt);
        if (!nt) {
            R->failed_nomem = 1;
            return;
        }
        R->res->tables = nt;
        t = &nt[R->res->n_tables++];
        memset(t, 0, sizeof *t);
        t->name = zj__strdup(name);
        t->document = zj__strdup(ctx->document);
        t->source_url = zj__strdup(ctx->source_url);
        t->retrieved_at = zj__strdup(ctx->retrieved_at);
        t->title = zj__strdup(a->title);
        t->date = zj__strdup(a->date);
        if (!t->name || !t->document || !t->source_url || !t->retrieved_at || !t->title || !t->date) {
            R->failed_nomem = 1;
            return;
        }
    }
    /* move the rows over */
    for (i = 0; i < rows->n; i++) {
        if (t->rows.n == t->rows.cap) {
            size_t c = t->rows.cap ? t->rows.cap * 2 : 64;
            zj__plan_row *it = realloc(t->rows.items, c * sizeof *it);
            if (!it) {
                R->failed_nomem = 1;
                return;
            }
            t->rows.items = it;
            t->rows.cap = c;
        }
        t->rows.items[t->rows.n++] = rows->items[i];
    }
    t->rows.aggregates += rows->aggregates;
    free(rows->items);
    memset(rows, 0, sizeof *rows);
}

/* The first row of g with text (one with two cells or more if there is
 * one among the first 15), " | "-joined, into b: what a reader of the
 * warning needs to see why the table was not a plan. */
static void first_row(const zj__grid *g, zj__strbuf *b)
{
    size_t r, c, k, pick = (size_t)-1;

    for (r = 0; r < g->rows && r < 15; r++) {
        size_t nonempty = 0;
        for (k = g->row_start[r]; k < g->row_start[r + 1]; k++)
            nonempty += *g->ents[k].text != '\0';
        if (nonempty && pick == (size_t)-1)
            pick = r;
        if (nonempty >= 2) {
            pick = r;
            break;
        }
    }
    if (pick == (size_t)-1)
        return;
    for (k = g->row_start[pick], c = 0; k < g->row_start[pick + 1] && c < 12; k++) {
        if (!*g->ents[k].text)
            continue;
        zj__strbuf_printf(b, "%s%.60s", c++ ? " | " : "", g->ents[k].text);
    }
}

/* Imports the plan tables among gs; returns how many there were.  When
 * there are none and seen is not NULL, the first row of the first grid
 * goes there. */
static size_t import_grids(run *R, const zj__grids *gs, const zj__article *a, const char *link_title,
                           const char *url, const char *retrieved, zj__strbuf *seen)
{
    size_t plans = 0;
    zj__strbuf title = ZJ_STRBUF_INIT, doc = ZJ_STRBUF_INIT;
    zj__plan_context ctx;
    size_t i;
    char *t, *d;

    zj__strbuf_printf(&title, "%s %s", a->title, link_title ? link_title : "");
    zj__strbuf_puts(&doc, *a->docno ? a->docno : a->title);
    if (link_title && (strstr(link_title, "附件") || strstr(url, "/P0") || strstr(url, "/W0") ||
                       strstr(url, "/uploads/")))
        zj__strbuf_puts(&doc, " 附件");
    t = zj__strbuf_take(&title);
    d = zj__strbuf_take(&doc);
    if (!t || !d) {
        free(t);
        free(d);
        R->failed_nomem = 1;
        return 0;
    }
    ctx.year = a->year;
    ctx.title = t;
    ctx.document = d;
    ctx.source_url = url;
    ctx.retrieved_at = retrieved;
    for (i = 0; i < gs->n; i++) {
        zj__plan_rows rows;
        int is_plan;
        zj_error e;

        memset(&rows, 0, sizeof rows);
        zj_error_clear(&e);
        if (zj__plan_normalize(&gs->items[i], &ctx, &rows, &is_plan, &e) != ZJ_OK) {
            R->failed_nomem = 1;
            break;
        }
        if (is_plan) {
            import_rows(R, &rows, &ctx, a);
            plans++;
        }
        zj__plan_rows_free(&rows);
    }
    if (!plans && seen && gs->n && !seen->len)
        first_row(&gs->items[0], seen);
    free(t);
    free(d);
    return plans;
}

/* ---- the downloads: one pipeline ----------------------------------------------
 *
 * Every download of a refresh goes into one queue of the fetcher: a list
 * page's callback submits its column's further pages and the notices it
 * names, a notice's callback its attachments, so notices are on their way
 * while list pages still arrive, and attachments while notices do.  The
 * callbacks also parse what arrived (and extract the tables of .xlsx,
 * .docx and .xls files), so that work overlaps the network.  What reaches
 * the result — tables, the order of their rows, warnings — is assembled
 * afterwards in the order the sites list things (columns, pages, notices,
 * attachments), so a refresh gives the same result however the responses
 * interleave.  LibreOffice conversions (.doc, .wps) run then too: they
 * take seconds, and the transfers must not stall meanwhile. */

typedef struct flow flow;

typedef enum step { NOT_READ = 0, BAD_CHARSET, BAD_PAGE, PARSED } step;

typedef struct listpage {
    flow *F;
    size_t col;             /* the column: index of its first page */
    int page;               /* 0: index.html, p: index_p.html */
    char *url;
    zj__fetch_req req;
    step st;
    zj_error err;           /* why st is BAD_CHARSET or BAD_PAGE */
    zj__links links;
    int count_page;
} listpage;

typedef struct artslot artslot;

typedef struct attslot {
    artslot *as;
    zj__fetch_req req;
    int deferred;           /* converted by LibreOffice after the downloads */
    char *spool;            /* its body meanwhile, on disk (flow's scratch dir) */
    int pdf;                /* never downloaded: no table can be read from a PDF */
    zj_code rc;             /* of the table extraction */
    zj_error err;
    zj__grids gs;
} attslot;

struct artslot {
    flow *F;
    char *url;
    zj__fetch_req req;
    step st;
    zj_error err;
    zj__article art;
    zj__grids inline_gs;     /* tables in the notice page itself */
    int have_inline;
    zj_error inline_err;    /* why they could not be read (have_inline 0, code set) */
    size_t n_atts;          /* the attachments followed: at most MAX_ATTACHMENTS */
    attslot *atts;          /* one per art.attachments item */
    int listed;             /* already placed in the notice order */
};

/* Attachments followed per notice (a notice has a few; the others are
 * named in a warning), and the memory the extracted tables of a whole
 * refresh may hold before its further attachments are skipped. */
#define MAX_ATTACHMENTS 20
#define MAX_REFRESH_GRID_BYTES ((size_t)192 << 20)

struct flow {
    run *R;
    size_t grid_bytes;      /* zj__grids_footprint of the tables held */
    char *scratch;          /* bodies waiting for LibreOffice (created when needed) */
    size_t n_spooled;
    int maxp;
    listpage **pages;
    size_t n_pages, cap_pages;
    artslot **arts;
    size_t n_arts, cap_arts;
};

/* The body of a fetched page as UTF-8 (malloc'd), or NULL with e set. */
static char *page_utf8(const zj__fetch_req *q, size_t *len, zj_error *e)
{
    char cs[64];
    const char *charset = zj__charset_detect(q->body, q->len, q->content_type, cs, sizeof cs);
    char *out;

    zj_error_clear(e);
    if (zj__charset_to_utf8(q->body, q->len, charset, q->final_url, &out, len, e) != ZJ_OK)
        return NULL;
    return out;
}

/* Frees a response body that has been read, keeping final_url and
 * retrieved_at. */
static void drop_body(zj__fetch_req *q)
{
    free(q->body);
    q->body = NULL;
    q->len = 0;
}

/* Room for one more page / notice; 0 when out of memory. */
static int grow_pages(flow *F)
{
    listpage **n;
    size_t c;

    if (F->n_pages < F->cap_pages)
        return 1;
    c = F->cap_pages ? F->cap_pages * 2 : 64;
    if (!(n = realloc(F->pages, c * sizeof *n)))
        return 0;
    F->pages = n;
    F->cap_pages = c;
    return 1;
}

static int grow_arts(flow *F)
{
    artslot **n;
    size_t c;

    if (F->n_arts < F->cap_arts)
        return 1;
    c = F->cap_arts ? F->cap_arts * 2 : 64;
    if (!(n = realloc(F->arts, c * sizeof *n)))
        return 0;
    F->arts = n;
    F->cap_arts = c;
    return 1;
}

static void list_done(void *user, zj__fetch_req *q);
static void article_done(void *user, zj__fetch_req *q);
static void attachment_done(void *user, zj__fetch_req *q);

static void add_list_page(flow *F, size_t col, int page, char *url)
{
    listpage *lp;

    if (!url || !grow_pages(F) ||
        !(lp = calloc(1, sizeof *lp))) {
        free(url);
        F->R->failed_nomem = 1;
        return;
    }
    F->pages[F->n_pages++] = lp;
    lp->F = F;
    lp->col = col;
    lp->page = page;
    lp->url = url;
    lp->req.url = url;
    lp->req.expect = ZJ_EXPECT_HTML;
    if (!zj__fetch_submit(F->R->f, &lp->req, "list", list_done, lp))
        F->R->failed_nomem = 1;
}

static artslot *find_article(const flow *F, const char *url)
{
    size_t i;

    for (i = 0; i < F->n_arts; i++)
        if (strcmp(F->arts[i]->url, url) == 0)
            return F->arts[i];
    return NULL;
}

static void add_article(flow *F, const char *url)
{
    artslot *as;

    if (!grow_arts(F) || !(as = calloc(1, sizeof *as))) {
        F->R->failed_nomem = 1;
        return;
    }
    if (!(as->url = zj__strdup(url))) {
        free(as);
        F->R->failed_nomem = 1;
        return;
    }
    F->arts[F->n_arts++] = as;
    as->F = F;
    as->req.url = as->url;
    as->req.expect = ZJ_EXPECT_HTML;
    if (!zj__fetch_submit(F->R->f, &as->req, "article", article_done, as))
        F->R->failed_nomem = 1;
}

/* A list page arrived: its column's further pages (from the first page)
 * and the relevant notices it names are requested at once. */
static void list_done(void *user, zj__fetch_req *q)
{
    listpage *lp = user;
    flow *F = lp->F;
    char *html;
    size_t len, i;
    int p;

    if (q->rc != ZJ_OK)
        return;
    if (!(html = page_utf8(q, &len, &lp->err))) {
        lp->st = BAD_CHARSET;
        zj__fetch_req_clear(q);
        return;
    }
    zj_error_clear(&lp->err);
    lp->st = zj__parse_list(html, len, q->final_url, &lp->links, &lp->count_page, &lp->err) == ZJ_OK
             ? PARSED : BAD_PAGE;
    free(html);
    zj__fetch_req_clear(q);
    if (lp->st != PARSED)
        return;
    /* the further pages: index_1.html .. index_{countPage-1}.html */
    for (p = 1; lp->page == 0 && p < lp->count_page && p < F->maxp; p++) {
        char name[32], *dir = zj__strdup(lp->url), *slash;
        snprintf(name, sizeof name, "index_%d.html", p);
        if (dir && (slash = strrchr(dir, '/')) != NULL)
            slash[1] = '\0';
        add_list_page(F, lp->col, p, dir ? url_join(dir, name) : NULL);
        free(dir);
    }
    for (i = 0; i < lp->links.n; i++)
        if (zj__notice_relevant(lp->links.items[i].title) && !find_article(F, lp->links.items[i].url))
            add_article(F, lp->links.items[i].url);
}

/* The extension of a URL's file name, lower case, into ext. */
static void url_ext(const char *url, char *ext, size_t size)
{
    const char *q = url + strcspn(url, "?#"), *s = q, *dot = NULL;
    size_t n, i;

    while (s > url && s[-1] != '/') {
        s--;
        if (*s == '.' && !dot)
            dot = s;
    }
    ext[0] = '\0';
    if (!dot)
        return;
    n = (size_t)(q - dot - 1);
    if (n >= size)
        n = size - 1;
    for (i = 0; i < n; i++)
        ext[i] = (char)((dot[1 + i] >= 'A' && dot[1 + i] <= 'Z') ? dot[1 + i] + 32 : dot[1 + i]);
    ext[n] = '\0';
}

/* A notice arrived: its attachments are requested at once, its own
 * tables extracted. */
static void article_done(void *user, zj__fetch_req *q)
{
    artslot *as = user;
    char *html;
    size_t len, j;

    if (q->rc != ZJ_OK)
        return;
    if (!(html = page_utf8(q, &len, &as->err))) {
        as->st = BAD_CHARSET;
        drop_body(q);
        return;
    }
    zj_error_clear(&as->err);
    as->st = zj__parse_article(html, len, q->final_url, &as->art, &as->err) == ZJ_OK ? PARSED : BAD_PAGE;
    free(html);
    drop_body(q);
    if (as->st != PARSED)
        return;
    zj_error_clear(&as->inline_err);
    if (as->art.body_len) {
        as->have_inline = zj__html_tables(as->art.body, as->art.body_len, &as->inline_gs,
                                         &as->inline_err) == ZJ_OK;
        if (as->have_inline)
            as->F->grid_bytes += zj__grids_footprint(&as->inline_gs);
    }
    as->n_atts = as->art.attachments.n < MAX_ATTACHMENTS ? as->art.attachments.n : MAX_ATTACHMENTS;
    if (!as->n_atts)
        return;
    if (!(as->atts = calloc(as->n_atts, sizeof *as->atts))) {
        as->F->R->failed_nomem = 1;
        return;
    }
    for (j = 0; j < as->n_atts; j++) {
        attslot *a = &as->atts[j];
        char ext[16];
        a->as = as;
        a->req.url = as->art.attachments.items[j].url;
        a->req.expect = ZJ_EXPECT_FILE;
        url_ext(a->req.url, ext, sizeof ext);
        if (strcmp(ext, "pdf") == 0) {
            a->pdf = 1;     /* reported, never downloaded */
            continue;
        }
        if (!zj__fetch_submit(as->F->R->f, &a->req, "attachment", attachment_done, a))
            as->F->R->failed_nomem = 1;
    }
}

/* The tables of all attachments are held until the end of the refresh:
 * past MAX_REFRESH_GRID_BYTES in all, a file's tables are dropped and it
 * is a warning instead. */
static void keep_within_budget(flow *F, zj__grids *gs, zj_code *rc, zj_error *err)
{
    size_t n = zj__grids_footprint(gs);

    if (F->grid_bytes + n <= MAX_REFRESH_GRID_BYTES) {
        F->grid_bytes += n;
        return;
    }
    zj__grids_free(gs);
    *rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                  ("本次更新已读取的表格超过 %zu MiB，此文件未读取", MAX_REFRESH_GRID_BYTES >> 20),
                  ("the tables read by this refresh exceed %zu MiB, so this file was not read",
                   MAX_REFRESH_GRID_BYTES >> 20));
}

/* An attachment arrived: its tables are extracted now, unless that takes
 * LibreOffice. */
static void attachment_done(void *user, zj__fetch_req *q)
{
    attslot *a = user;
    char ext[16];

    if (q->rc != ZJ_OK)
        return;
    url_ext(q->url, ext, sizeof ext);
    zj_error_clear(&a->err);
    if (strcmp(ext, "xlsx") == 0 || strcmp(ext, "et") == 0)
        a->rc = zj__xlsx_tables(q->body, q->len, &a->gs, &a->err);
    else if (strcmp(ext, "docx") == 0)
        a->rc = zj__docx_tables(q->body, q->len, &a->gs, &a->err);
    else if (strcmp(ext, "xls") == 0)
        a->rc = zj__xls_tables(q->body, q->len, &a->gs, &a->err);
    else {
        /* converted after the downloads: the body waits on disk, not in
         * memory (a notice may have twenty 32 MiB attachments) */
        flow *F = a->as->F;
        char name[32];
        a->deferred = 1;
        snprintf(name, sizeof name, "a%zu.%s", F->n_spooled++, ext);
        if ((F->scratch || zj__temp_dir(&F->scratch, &a->err) == ZJ_OK) &&
            zj__temp_write(F->scratch, name, q->body, q->len, &a->spool, &a->err) == ZJ_OK)
            drop_body(q);
        return;
    }
    drop_body(q);
    if (a->rc == ZJ_OK)
        keep_within_budget(a->as->F, &a->gs, &a->rc, &a->err);
}

static void flow_free(flow *F)
{
    size_t i, j;

    for (i = 0; i < F->n_pages; i++) {
        listpage *lp = F->pages[i];
        zj__fetch_req_clear(&lp->req);
        zj__links_free(&lp->links);
        free(lp->url);
        free(lp);
    }
    free(F->pages);
    for (i = 0; i < F->n_arts; i++) {
        artslot *as = F->arts[i];
        for (j = 0; as->atts && j < as->n_atts; j++) {
            zj__fetch_req_clear(&as->atts[j].req);
            zj__grids_free(&as->atts[j].gs);
            free(as->atts[j].spool);
        }
        free(as->atts);
        zj__fetch_req_clear(&as->req);
        if (as->have_inline)
            zj__grids_free(&as->inline_gs);
        zj__article_free(&as->art);
        free(as->url);
        free(as);
    }
    free(F->arts);
    if (F->scratch)
        zj__temp_remove(F->scratch);
    free(F->scratch);
}

/* First pages before further pages; then by column, then by page. */
static int page_order(const void *a, const void *b)
{
    const listpage *x = *(listpage *const *)a, *y = *(listpage *const *)b;

    if ((x->page > 0) != (y->page > 0))
        return x->page > 0 ? 1 : -1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->page < y->page ? -1 : x->page > y->page;
}

/* The notices in the order the sites list them (first mention wins). */
typedef struct notice {
    artslot *as;
    const char *title;      /* the link's text */
} notice;

/* Downloads everything, then imports the tables (see above). */
static zj_code fetch_all(run *R, const char *const *bases, size_t nb, zj_error *err)
{
    flow F;
    listpage **order = NULL;
    notice *ns = NULL;
    size_t n_first = 0, i, j, b, ok_pages = 0, n_ns = 0;
    zj_code rc = ZJ_OK;

    memset(&F, 0, sizeof F);
    F.R = R;
    F.maxp = R->o->max_list_pages > 0 ? R->o->max_list_pages : 50;
    for (b = 0; b < nb; b++) {
        const char *const *cols = is_bjeea(bases[b]) ? bjeea_columns : jw_columns;
        for (i = 0; cols[i]; i++) {
            char *col = url_join(bases[b], cols[i]);
            add_list_page(&F, n_first++, 0, col ? url_join(col, "index.html") : NULL);
            free(col);
        }
    }
    zj__fetch_wait(R->f);
    if (R->failed_nomem)
        goto nomem;

    /* the list pages, in order */
    if (!(order = malloc((F.n_pages + 1) * sizeof *order)))
        goto nomem;
    memcpy(order, F.pages, F.n_pages * sizeof *order);
    qsort(order, F.n_pages, sizeof *order, page_order);
    for (i = 0; i < F.n_pages; i++) {
        listpage *lp = order[i];
        if (lp->req.rc != ZJ_OK)
            warn(R, lp->url, &lp->req.err, "list page");
        else if (lp->st == BAD_CHARSET)
            warn(R, lp->url, &lp->err, "charset");
        else if (lp->st == BAD_PAGE && lp->page == 0)
            warn(R, lp->url, &lp->err, "list page");
        else if (lp->st == PARSED && lp->page == 0)
            ok_pages++;
        if (lp->st == PARSED && lp->links.dropped) {
            zj_error e;
            (void)ZJ_FAIL(&e, ZJ_ERR_PARSE, NULL,
                    ("列表页链接过多：只读取了前 %d 个，其余 %zu 个未读取", ZJ_MAX_LINKS_PER_PAGE, lp->links.dropped),
                    ("the page links to too many notices: the first %d were read, the other %zu were not",
                     ZJ_MAX_LINKS_PER_PAGE, lp->links.dropped));
            warn(R, lp->url, &e, "list page");
        }
    }
    if (ok_pages == 0) {
        /* the cause, not only the count: outside a terminal nothing else
         * shows it */
        const listpage *lp0 = order[0];
        const zj_error *why = lp0->req.rc != ZJ_OK ? &lp0->req.err : &lp0->err;
        if (R->o->offline && lp0->req.rc != ZJ_OK)
            rc = ZJ_FAIL(err, ZJ_ERR_IO, lp0->url,
                         ("离线模式，但下载缓存中没有任何通知列表页（%zu 个栏目都没有）：请先联网运行一次"
                          " zhijiao refresh；快照未改变", n_first),
                         ("offline, and the download cache holds none of the notice list pages (all %zu "
                          "columns are missing): run zhijiao refresh online once first; the snapshot is "
                          "unchanged", n_first));
        else
            rc = ZJ_FAIL(err, ZJ_ERR_IO, lp0->url,
                         ("无法读取任何通知列表页（%zu 个栏目都失败；第一个的原因：%s），快照未改变",
                          n_first, why->message_zh),
                         ("no notice list page could be read (all %zu columns failed; the first because: "
                          "%s); the snapshot is unchanged", n_first, why->message_en));
        goto out;
    }
    if (!(ns = calloc(F.n_arts + 1, sizeof *ns)))
        goto nomem;
    for (i = 0; i < F.n_pages; i++) {
        const zj__links *l = &order[i]->links;
        for (j = 0; order[i]->st == PARSED && j < l->n; j++) {
            artslot *as;
            if (!zj__notice_relevant(l->items[j].title) || !(as = find_article(&F, l->items[j].url)) ||
                as->listed)
                continue;
            as->listed = 1;
            ns[n_ns].as = as;
            ns[n_ns++].title = l->items[j].title;
        }
    }

    /* the notices and the tables in them, then their attachments */
    for (i = 0; i < n_ns; i++) {
        artslot *as = ns[i].as;
        size_t plans = 0, reported = 0;
        zj__strbuf seen = ZJ_STRBUF_INIT;

        if (as->req.rc != ZJ_OK) {
            warn(R, as->url, &as->req.err, "notice");
            continue;
        }
        if (as->st != PARSED) {
            warn(R, as->url, &as->err, as->st == BAD_CHARSET ? "charset" : "notice");
            continue;
        }
        if (!*as->art.title) {
            free(as->art.title);
            as->art.title = zj__strdup(ns[i].title);
        }
        if (!as->art.title)
            goto nomem;
        if (as->have_inline)
            plans += import_grids(R, &as->inline_gs, &as->art, NULL, as->req.final_url,
                                  as->req.retrieved_at, &seen);
        else if (as->inline_err.code != ZJ_OK) {
            warn(R, as->url, &as->inline_err, "notice");
            reported++;
        }
        for (j = 0; as->atts && j < as->n_atts; j++) {
            attslot *a = &as->atts[j];
            const zj__link *l = &as->art.attachments.items[j];
            if (a->pdf) {
                zj__grids none;
                zj_error e;
                zj__office_tables(NULL, 0, "pdf", &none, &e);
                report(R, 1, l->url, &e, "attachment");
                reported++;
                continue;
            }
            if (a->req.rc != ZJ_OK) {
                warn(R, l->url, &a->req.err, "attachment");
                reported++;
                continue;
            }
            if (a->deferred && zj__fetcher_past_deadline(R->f)) {
                (void)ZJ_FAIL(&a->err, ZJ_ERR_IO, NULL,
                        ("已到整个更新的时限（%ld 秒），未转换（可用 --deadline 调整）", zj__fetcher_deadline_s(R->f)),
                        ("the deadline of the whole refresh (%ld s) was reached before this was converted "
                         "(see --deadline)", zj__fetcher_deadline_s(R->f)));
                a->rc = ZJ_ERR_IO;
                drop_body(&a->req);
            } else if (a->deferred) {
                char ext[16];
                url_ext(l->url, ext, sizeof ext);
                if (a->spool && !a->req.body)
                    a->rc = zj__temp_read(a->spool, &a->req.body, &a->req.len, &a->err);
                if (a->rc == ZJ_OK)
                    a->rc = zj__office_tables_within(a->req.body, a->req.len, ext, zj__fetcher_ms_left(R->f),
                                                    &a->gs, &a->err);
                drop_body(&a->req);
                if (a->rc == ZJ_OK)
                    keep_within_budget(&F, &a->gs, &a->rc, &a->err);
            }
            if (a->rc != ZJ_OK) {
                warn(R, l->url, &a->err, "attachment");
                reported++;
                continue;
            }
            plans += import_grids(R, &a->gs, &as->art, l->title, a->req.final_url, a->req.retrieved_at,
                                  &seen);
        }
        if (as->art.attachments.n + as->art.attachments.dropped > as->n_atts) {
            zj_error e;
            (void)ZJ_FAIL(&e, ZJ_ERR_PARSE, NULL,
                    ("通知的附件过多：只读取了前 %d 个，其余 %zu 个未读取", MAX_ATTACHMENTS,
                     as->art.attachments.n + as->art.attachments.dropped - as->n_atts),
                    ("the notice has too many attachments: the first %d were read, the other %zu were not",
                     MAX_ATTACHMENTS, as->art.attachments.n + as->art.attachments.dropped - as->n_atts));
            warn(R, as->url, &e, "notice");
            reported++;
        }
        /* read, and nothing came of it: say so, with what was there */
        if (!plans && !reported) {
            zj_error e;
            if (seen.len)
                (void)ZJ_FAIL(&e, ZJ_ERR_PARSE, NULL,
                        ("已读取通知《%s》，但其中的表格都不是招生计划表（所见表头：%s），未导入任何内容",
                         as->art.title, seen.data),
                        ("the notice \"%s\" was read, but none of its tables is a plan table (headers seen: "
                         "%s): nothing was imported", as->art.title, seen.data));
            else
                (void)ZJ_FAIL(&e, ZJ_ERR_PARSE, NULL,
                        ("已读取通知《%s》，但其中没有表格，也没有可读取的附件，未导入任何内容", as->art.title),
                        ("the notice \"%s\" was read, but it has no table and no attachment that could "
                         "be read: nothing was imported", as->art.title));
            warn(R, as->url, &e, "notice");
        }
        zj__strbuf_free(&seen);
    }
    goto out;
nomem:
    rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                 ("内存不足"),
                 ("out of memory"));
out:
    free(ns);
    free(order);
    flow_free(&F);
    if (rc == ZJ_OK && R->failed_nomem)
        rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                     ("内存不足"),
                     ("out of memory"));
    return rc;
}

static void fetch_progress_forward(void *u, const char *stage, size_t done, size_t total, const char *what)
{
    const zj_refresh_options *o = u;

    o->progress(o->progress_user, stage, done, total, what);
}

/* Schools of old_t that new_t does not have at all, ", "-joined (at most
 * three, then "…"), into b. */
static void schools_gone(const zj_table *old_t, const zj_table *new_t, zj__strbuf *b)
{
    size_t oc, nc, i, j, k, shown = 0;

    if (zj_table_col_index(old_t, "school", &oc, NULL) || zj_table_col_index(new_t, "school", &nc, NULL))
        return;
    for (i = 0; i < zj_table_rows(old_t); i++) {
        const char *s = zj_table_cell(old_t, i, oc);
        int found = 0, before = 0;
        if (!*s)
            continue;
        for (k = 0; k < i && !before; k++)
            before = strcmp(zj_table_cell(old_t, k, oc), s) == 0;
        for (j = 0; j < zj_table_rows(new_t) && !found && !before; j++)
            found = strcmp(zj_table_cell(new_t, j, nc), s) == 0;
        if (before || found)
            continue;
        if (shown++ == 3) {
            zj__strbuf_puts(b, ", …");
            return;
        }
        zj__strbuf_printf(b, "%s%s", shown > 1 ? ", " : "", s);
    }
}

/* A refreshed table that would remove rows served now is held back
 * unless the user accepted removals: a notice that lists part of a plan
 * must not silently replace the whole of it. */
static void hold_back(run *R, rtable *t, const zj_table *ot, const zj_table *nt)
{
    zj__strbuf gone = ZJ_STRBUF_INIT;
    zj_error e;

    t->pub.held_back = 1;
    schools_gone(ot, nt, &gone);
    (void)ZJ_FAIL(&e, ZJ_ERR_PARSE, NULL,
                  ("%s 未应用：它会删除当前的 %zu 行（共 %zu 行）%s%s%s；当前的表格保持不变。确认无误后可用"
                   " --accept-removals 重新运行（R：accept_removals = TRUE）",
                   t->name, t->pub.removed, zj_table_rows(ot), gone.len ? "，其中这些学校整个消失：" : "",
                   gone.len ? gone.data : "", ""),
                  ("%s was not applied: it would remove %zu of the %zu rows served now%s%s; the served table "
                   "is kept. Check the removals above, then run again with --accept-removals (R: "
                   "accept_removals = TRUE) to apply it",
                   t->name, t->pub.removed, zj_table_rows(ot), gone.len ? ", and these schools entirely: " : "",
                   gone.len ? gone.data : ""));
    warn(R, t->source_url, &e, "held back");
    zj__strbuf_free(&gone);
}

/* Then: write, audit, diff against what is served now, commit. */
static zj_code publish(run *R, const char *snap, zj_error *err)
{
    zj__snap_table *st = calloc(R->res->n_tables + 1, sizeof *st);
    zj_data *newd = NULL, *oldd = NULL, *served = NULL;
    char *carry = NULL, *version = NULL, *vdir = NULL, *scratch = NULL;
    const char *wsnap = snap;
    size_t i, j, n_st = 0, applied = 0;
    zj_error w;
    zj_code rc;

    if (!st)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    /* The baseline is what every surface serves now: the snapshot's
     * version (the previous one when the current is damaged) over the
     * bundled tables. */
    carry = zj__snapshot_served(snap, &served, &w);
    if (w.code != ZJ_OK)
        warn(R, snap, &w, "snapshot");
    if (zj_data_open_with_snapshot(R->o->data_dir ? R->o->data_dir : zj_data_default_dir(), snap, &oldd,
                                   &w) != ZJ_OK) {
        warn(R, R->o->data_dir ? R->o->data_dir : zj_data_default_dir(), &w,
             "bundled data (the changes are against the snapshot alone)");
        oldd = NULL;
        if (carry)
            zj__snapshot_load(carry, &oldd, &w);
    }
    /* A dry run writes its version in a scratch directory: it needs no
     * write access to the snapshot. */
    if (R->o->dry_run) {
        if ((rc = zj__temp_dir(&scratch, err)))
            goto out;
        wsnap = scratch;
    }
    for (i = 0; i < R->res->n_tables; i++) {
        rtable *t = &R->res->tables[i];
        st[i].name = t->name;
        st[i].title = t->title;
        st[i].document = t->document;
        st[i].url = t->source_url;
        st[i].date = t->date;
        st[i].rows = &t->rows;
    }
    rc = zj__snapshot_write(wsnap, st, R->res->n_tables, carry, !R->o->dry_run, &version, &vdir, err);
    if (rc)
        goto out;
    R->res->version = version;
    version = NULL;
    /* Read it back as the library will: the manifest loader validates it. */
    if ((rc = zj__snapshot_load(vdir, &newd, err)))
        goto out;
    for (i = 0; i < R->res->n_tables; i++) {
        rtable *t = &R->res->tables[i];
        const zj_table *nt = NULL, *ot = NULL;
        size_t first = R->res->changes.n, k;

        for (j = 0; j < newd->n_tables; j++)
            if (strcmp(newd->tables[j]->name, t->name) == 0)
                nt = newd->tables[j];
        for (j = 0; oldd && j < oldd->n_tables; j++)
            if (strcmp(oldd->tables[j]->name, t->name) == 0)
                ot = oldd->tables[j];
        if (!nt)
            continue;
        if ((rc = zj_table_audit(newd, nt, &t->findings, err)) ||
            (rc = zj__plan_diff(ot, nt, &R->res->changes, err)))
            goto out;
        for (k = first; k < R->res->changes.n; k++)
            t->pub.removed += R->res->changes.items[k].kind == ZJ_CHANGE_REMOVED;
        if (t->pub.removed && !R->o->accept_removals) {
            hold_back(R, t, ot, nt);
        } else {
            int in_snapshot = 0;
            /* a table the snapshot does not hold yet is applied even
             * without changes: it records where and when it was read */
            for (j = 0; served && j < served->n_tables; j++)
                in_snapshot |= strcmp(served->tables[j]->name, t->name) == 0;
            applied += R->res->changes.n - first + !in_snapshot;
            st[n_st++] = st[i];
        }
    }
    if (R->o->dry_run || applied == 0) {
        zj__snapshot_discard(vdir);
        goto out;
    }
    if (n_st < R->res->n_tables) {
        /* the version again, without the tables held back */
        zj__snapshot_discard(vdir);
        free(vdir);
        vdir = NULL;
        free(R->res->version);
        R->res->version = NULL;
        if ((rc = zj__snapshot_write(snap, st, n_st, carry, 1, &R->res->version, &vdir, err)))
            goto out;
    }
    if ((rc = zj__snapshot_commit(snap, R->res->version, err)))
        goto out;
    R->res->committed = 1;
out:
    if (rc && vdir)
        zj__snapshot_discard(vdir);
    if (scratch)
        zj__temp_remove(scratch);
    zj_data_close(newd);
    zj_data_close(oldd);
    zj_data_close(served);
    free(scratch);
    free(version);
    free(vdir);
    free(carry);
    free(st);
    return rc;
}

zj_code zj_refresh_run(const zj_refresh_options *o, zj_refresh_result **out, zj_error *err)
{
    zj_refresh_options fo;
    run R;
    const char *const *bases;
    size_t nb, i;
    const char *snap;
    char snap_default[4096];
    char *snap_copy = NULL;
    int lock = -1;
    zj_code rc;

    zj_error_clear(err);
    if (!o || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments",
                       ("参数为空指针"),
                       ("a required argument is NULL"));
    *out = NULL;
    memset(&R, 0, sizeof R);
    R.o = o;
    fo = *o;
    bases = o->n_base_urls ? o->base_urls : default_bases;
    nb = o->n_base_urls ? o->n_base_urls : sizeof default_bases / sizeof default_bases[0];
    fo.base_urls = bases;
    fo.n_base_urls = nb;
    if (o->progress) {
        fo.progress = fetch_progress_forward;
        fo.progress_user = (void *)o;
    }
    if (o->snapshot_dir && *o->snapshot_dir)
        snap = o->snapshot_dir;
    else if (zj_snapshot_default_dir(snap_default, sizeof snap_default) < sizeof snap_default)
        snap = snap_default;
    else
        return ZJ_FAIL(err, ZJ_ERR_ARG, "snapshot_dir",
                       ("默认快照目录路径过长"),
                       ("the default snapshot directory path is too long"));
    if (!(snap_copy = zj__strdup(snap)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    if (!(R.res = calloc(1, sizeof *R.res))) {
        free(snap_copy);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    if ((rc = zj__fetcher_new(&fo, &R.f, err)))
        goto out;
    /* a dry run changes nothing: it needs no lock (nor write access) */
    if (!o->dry_run && (rc = zj__snapshot_lock(snap_copy, &lock, err)))
        goto out;
    if ((rc = fetch_all(&R, bases, nb, err)))
        goto out;
    zj__fetcher_stats(R.f, &R.res->requests, &R.res->cached, &R.res->retries);
    {
        const char *dir, *why;
        size_t n = zj__fetcher_cache_failures(R.f, &dir, &why);
        if (n) {
            zj_error e;
            (void)ZJ_FAIL(&e, ZJ_ERR_IO, NULL,
                          ("下载缓存无法写入（%zu 项：%s）：这些内容以后离线时不可用", n, why),
                          ("the download cache could not be written (%zu entries: %s): a later --offline "
                           "run will not have them", n, why));
            warn(&R, dir, &e, "cache");
        }
    }
    for (i = 0; i < R.res->n_tables; i++) {
        rtable *t = &R.res->tables[i];
        t->pub.name = t->name;
        t->pub.year = atoi(t->name + strcspn(t->name, "0123456789"));
        t->pub.document = t->document;
        t->pub.source_url = t->source_url;
        t->pub.retrieved_at = t->retrieved_at;
        t->pub.rows = t->rows.n;
        t->pub.aggregate_rows = t->rows.aggregates;
        t->pub.findings = &t->findings;
    }
    if (R.res->n_tables)
        rc = publish(&R, snap_copy, err);
out:
    zj__snapshot_unlock(lock);
    zj__fetcher_free(R.f);
    free(snap_copy);
    if (rc) {
        zj_refresh_result_free(R.res);
        return rc;
    }
    *out = R.res;
    return ZJ_OK;
}
