/* refresh.c — the refresh pipeline: lists -> notices -> attachments ->
 * tables -> normalized plans -> audit -> diff -> snapshot.
 *
 * Each stage is one batch for the fetcher, so downloads within a stage run
 * in parallel (bounded per host and rate-limited).  Failures of single
 * pages or attachments are warnings (the refresh goes on with the rest);
 * when no list page at all can be read the refresh fails and the snapshot
 * is left as it was. */
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
#include "utf8.h"

static const char *const default_bases[] = { "https://jw.beijing.gov.cn", "https://www.bjeea.cn" };

/* The notice columns of each site. */
static const char *const jw_columns[] = { "tzgg/", "xxgk/zxxxgk/", "xxgk/2024zcwj/2024qtwj/", NULL };
static const char *const bjeea_columns[] = { "html/zkzz/tzgg/", NULL };

typedef struct rtable {
    zj_refresh_table pub;
    char *name, *document, *source_url, *retrieved_at, *title, *date;
    zj_plan_rows rows;
    zj_findings findings;
} rtable;

struct zj_refresh_result {
    rtable *tables;
    size_t n_tables;
    zj_changes changes;
    char **warnings;
    size_t n_warnings;
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
        zj_plan_rows_free(&t->rows);
        zj_findings_free(&t->findings);
    }
    free(r->tables);
    zj_changes_free(&r->changes);
    for (i = 0; i < r->n_warnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
    free(r->version);
    free(r);
}

/* ---- the run ------------------------------------------------------------------- */

typedef struct run {
    const zj_refresh_options *o;
    zj_fetcher *f;
    zj_refresh_result *res;
    int failed_nomem;
} run;

static void warn(run *R, const char *url, const zj_error *e, const char *what)
{
    zj_strbuf b = ZJ_STRBUF_INIT;
    char **w;
    char *s;

    zj_strbuf_printf(&b, "%s: %s%s%s", url, what ? what : "", what ? ": " : "",
                     e ? e->message_en : "");
    if (e && e->message_zh[0])
        zj_strbuf_printf(&b, " (%s)", e->message_zh);
    if (!(s = zj_strbuf_take(&b))) {
        R->failed_nomem = 1;
        return;
    }
    if (R->o->progress)
        R->o->progress(R->o->progress_user, "skip", 0, 0, s);
    w = realloc(R->res->warnings, (R->res->n_warnings + 1) * sizeof *w);
    if (!w) {
        free(s);
        R->failed_nomem = 1;
        return;
    }
    R->res->warnings = w;
    w[R->res->n_warnings++] = s;
}

static char *url_join(const char *base, const char *rel)
{
    zj_strbuf b = ZJ_STRBUF_INIT;
    size_t n = strlen(base);

    zj_strbuf_append(&b, base, n);
    if (n && base[n - 1] != '/')
        zj_strbuf_putc(&b, '/');
    zj_strbuf_puts(&b, rel);
    return zj_strbuf_take(&b);
}

static int is_bjeea(const char *base)
{
    size_t n = strlen(base);

    return strstr(base, "bjeea") != NULL && !(n >= 3 && strcmp(base + n - 3, "/jw") == 0);
}

/* The body of a fetched page as UTF-8 (malloc'd), or NULL with a warning. */
static char *page_utf8(run *R, const zj_fetch_req *q, size_t *len)
{
    char cs[64];
    const char *charset = zj_charset_detect(q->body, q->len, q->content_type, cs, sizeof cs);
    zj_error e;
    char *out;

    zj_error_clear(&e);
    if (zj_charset_to_utf8(q->body, q->len, charset, q->final_url, &out, len, &e) != ZJ_OK) {
        warn(R, q->url, &e, "charset");
        return NULL;
    }
    return out;
}

typedef struct notice {
    char *url, *title, *date;
} notice;

typedef struct notices {
    notice *items;
    size_t n;
} notices;

static void notices_free(notices *ns)
{
    size_t i;

    for (i = 0; i < ns->n; i++) {
        free(ns->items[i].url);
        free(ns->items[i].title);
        free(ns->items[i].date);
    }
    free(ns->items);
}

static void add_notices(run *R, notices *ns, const zj_links *l)
{
    size_t i, j;

    for (i = 0; i < l->n; i++) {
        notice *it;
        if (!zj_notice_relevant(l->items[i].title))
            continue;
        for (j = 0; j < ns->n; j++)
            if (strcmp(ns->items[j].url, l->items[i].url) == 0)
                break;
        if (j < ns->n)
            continue;
        it = realloc(ns->items, (ns->n + 1) * sizeof *it);
        if (!it) {
            R->failed_nomem = 1;
            return;
        }
        ns->items = it;
        it[ns->n].url = zj_strdup(l->items[i].url);
        it[ns->n].title = zj_strdup(l->items[i].title);
        it[ns->n].date = zj_strdup(l->items[i].date);
        if (!it[ns->n].url || !it[ns->n].title || !it[ns->n].date) {
            free(it[ns->n].url);
            free(it[ns->n].title);
            free(it[ns->n].date);
            R->failed_nomem = 1;
            return;
        }
        ns->n++;
    }
}

/* Stage 1: every list page of every column. */
static zj_code discover(run *R, const char *const *bases, size_t nb, notices *ns, zj_error *err)
{
    char **urls = NULL;
    zj_fetch_req *reqs = NULL;
    size_t n = 0, cap = 0, i, ok_pages = 0, b;
    int maxp = R->o->max_list_pages > 0 ? R->o->max_list_pages : 50;
    zj_code rc = ZJ_OK;
    int *pages = NULL;
    size_t n_first;

    /* first pages */
    for (b = 0; b < nb; b++) {
        const char *const *cols = is_bjeea(bases[b]) ? bjeea_columns : jw_columns;
        for (i = 0; cols[i]; i++) {
            char *col = url_join(bases[b], cols[i]), *u = col ? url_join(col, "index.html") : NULL;
            free(col);
            if (n == cap) {
                char **nu = realloc(urls, (cap = cap ? cap * 2 : 16) * sizeof *nu);
                if (!nu) {
                    free(u);
                    goto nomem;
                }
                urls = nu;
            }
            if (!u)
                goto nomem;
            urls[n++] = u;
        }
    }
    n_first = n;
    reqs = calloc(n_first + 1, sizeof *reqs);
    pages = calloc(n_first + 1, sizeof *pages);
    if (!reqs || !pages)
        goto nomem;
    for (i = 0; i < n_first; i++) {
        reqs[i].url = urls[i];
        reqs[i].expect = ZJ_EXPECT_HTML;
    }
    zj_fetch_many(R->f, reqs, n_first, "list");
    for (i = 0; i < n_first; i++) {
        zj_links l;
        char *html;
        size_t len;
        zj_error e;

        pages[i] = 0;
        if (reqs[i].rc != ZJ_OK) {
            warn(R, urls[i], &reqs[i].err, "list page");
            continue;
        }
        if (!(html = page_utf8(R, &reqs[i], &len)))
            continue;
        zj_error_clear(&e);
        if (zj_parse_list(html, len, reqs[i].final_url, &l, &pages[i], &e) == ZJ_OK) {
            ok_pages++;
            add_notices(R, ns, &l);
            zj_links_free(&l);
        } else {
            warn(R, urls[i], &e, "list page");
        }
        free(html);
    }
    for (i = 0; i < n_first; i++)
        zj_fetch_req_clear(&reqs[i]);
    free(reqs);
    reqs = NULL;
    if (ok_pages == 0) {
        rc = zj_fail(err, ZJ_ERR_IO, urls[0],
                     "无法读取任何通知列表页（%zu 个栏目都失败），快照未改变",
                     "no notice list page could be read (all %zu columns failed); the snapshot is unchanged",
                     n_first);
        goto out;
    }
    /* the further pages: index_1.html .. index_{countPage-1}.html */
    {
        char **more = NULL;
        size_t nm = 0, capm = 0;
        for (i = 0; i < n_first; i++) {
            int p;
            for (p = 1; p < pages[i] && p < maxp; p++) {
                char name[32], *slash, *u;
                snprintf(name, sizeof name, "index_%d.html", p);
                u = zj_strdup(urls[i]);
                if (!u)
                    goto nomem_more;
                slash = strrchr(u, '/');
                slash[1] = '\0';
                {
                    char *full = url_join(u, name);
                    free(u);
                    u = full;
                }
                if (!u)
                    goto nomem_more;
                if (nm == capm) {
                    char **nmv = realloc(more, (capm = capm ? capm * 2 : 16) * sizeof *nmv);
                    if (!nmv) {
                        free(u);
                        goto nomem_more;
                    }
                    more = nmv;
                }
                more[nm++] = u;
            }
        }
        if (nm) {
            reqs = calloc(nm, sizeof *reqs);
            if (!reqs)
                goto nomem_more;
            for (i = 0; i < nm; i++) {
                reqs[i].url = more[i];
                reqs[i].expect = ZJ_EXPECT_HTML;
            }
            zj_fetch_many(R->f, reqs, nm, "list");
            for (i = 0; i < nm; i++) {
                zj_links l;
                char *html;
                size_t len;
                int dummy;
                zj_error e;

                if (reqs[i].rc != ZJ_OK) {
                    warn(R, more[i], &reqs[i].err, "list page");
                    continue;
                }
                if (!(html = page_utf8(R, &reqs[i], &len)))
                    continue;
                zj_error_clear(&e);
                if (zj_parse_list(html, len, reqs[i].final_url, &l, &dummy, &e) == ZJ_OK) {
                    add_notices(R, ns, &l);
                    zj_links_free(&l);
                }
                free(html);
            }
            for (i = 0; i < nm; i++)
                zj_fetch_req_clear(&reqs[i]);
            free(reqs);
            reqs = NULL;
        }
        for (i = 0; i < nm; i++)
            free(more[i]);
        free(more);
        goto out;
nomem_more:
        for (i = 0; i < nm; i++)
            free(more[i]);
        free(more);
        goto nomem;
    }
nomem:
    rc = zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
out:
    if (reqs) {
        for (i = 0; i < n_first; i++)
            zj_fetch_req_clear(&reqs[i]);
        free(reqs);
    }
    for (i = 0; i < n; i++)
        free(urls[i]);
    free(urls);
    free(pages);
    if (rc == ZJ_OK && R->failed_nomem)
        rc = zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
    return rc;
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

/* Adds the rows of one table to the result's table of that name. */
static void import_rows(run *R, zj_plan_rows *rows, const zj_plan_context *ctx, const zj_article *a)
{
    char name[64];
    size_t i;
    rtable *t = NULL;

    snprintf(name, sizeof name, "%s_%d", zj_plan_table_kind(rows), ctx->year);
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
        t->name = zj_strdup(name);
        t->document = zj_strdup(ctx->document);
        t->source_url = zj_strdup(ctx->source_url);
        t->retrieved_at = zj_strdup(ctx->retrieved_at);
        t->title = zj_strdup(a->title);
        t->date = zj_strdup(a->date);
        if (!t->name || !t->document || !t->source_url || !t->retrieved_at || !t->title || !t->date) {
            R->failed_nomem = 1;
            return;
        }
    }
    /* move the rows over */
    for (i = 0; i < rows->n; i++) {
        if (t->rows.n == t->rows.cap) {
            size_t c = t->rows.cap ? t->rows.cap * 2 : 64;
            zj_plan_row *it = realloc(t->rows.items, c * sizeof *it);
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

static void import_grids(run *R, const zj_grids *gs, const zj_article *a, const char *link_title,
                         const char *url, const char *retrieved)
{
    zj_strbuf title = ZJ_STRBUF_INIT, doc = ZJ_STRBUF_INIT;
    zj_plan_context ctx;
    size_t i;
    char *t, *d;

    zj_strbuf_printf(&title, "%s %s", a->title, link_title ? link_title : "");
    zj_strbuf_puts(&doc, *a->docno ? a->docno : a->title);
    if (link_title && (strstr(link_title, "附件") || strstr(url, "/P0") || strstr(url, "/W0") ||
                       strstr(url, "/uploads/")))
        zj_strbuf_puts(&doc, " 附件");
    t = zj_strbuf_take(&title);
    d = zj_strbuf_take(&doc);
    if (!t || !d) {
        free(t);
        free(d);
        R->failed_nomem = 1;
        return;
    }
    ctx.year = a->year;
    ctx.title = t;
    ctx.document = d;
    ctx.source_url = url;
    ctx.retrieved_at = retrieved;
    for (i = 0; i < gs->n; i++) {
        zj_plan_rows rows;
        int is_plan;
        zj_error e;

        memset(&rows, 0, sizeof rows);
        zj_error_clear(&e);
        if (zj_plan_normalize(&gs->items[i], &ctx, &rows, &is_plan, &e) != ZJ_OK) {
            R->failed_nomem = 1;
            break;
        }
        if (is_plan)
            import_rows(R, &rows, &ctx, a);
        zj_plan_rows_free(&rows);
    }
    free(t);
    free(d);
}

/* Stage 2 and 3: the notices and their attachments. */
static zj_code read_notices(run *R, const notices *ns, zj_error *err)
{
    zj_fetch_req *reqs = calloc(ns->n + 1, sizeof *reqs), *areqs = NULL;
    zj_article *arts = calloc(ns->n + 1, sizeof *arts);
    char **retrieved = calloc(ns->n + 1, sizeof *retrieved);
    size_t i, j, na = 0;
    typedef struct att { size_t art; size_t link; } att;
    att *atts = NULL;

    if (!reqs || !arts || !retrieved) {
        free(reqs);
        free(arts);
        free(retrieved);
        return zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
    }
    for (i = 0; i < ns->n; i++) {
        reqs[i].url = ns->items[i].url;
        reqs[i].expect = ZJ_EXPECT_HTML;
    }
    zj_fetch_many(R->f, reqs, ns->n, "article");
    for (i = 0; i < ns->n; i++) {
        char *html;
        size_t len;
        zj_error e;

        if (reqs[i].rc != ZJ_OK) {
            warn(R, ns->items[i].url, &reqs[i].err, "notice");
            continue;
        }
        if (!(html = page_utf8(R, &reqs[i], &len)))
            continue;
        zj_error_clear(&e);
        if (zj_parse_article(html, len, reqs[i].final_url, &arts[i], &e) != ZJ_OK) {
            warn(R, ns->items[i].url, &e, "notice");
            free(html);
            continue;
        }
        free(html);
        if (!*arts[i].title) {
            free(arts[i].title);
            arts[i].title = zj_strdup(ns->items[i].title);
        }
        retrieved[i] = zj_strdup(reqs[i].retrieved_at);
        /* tables in the notice itself */
        {
            zj_grids gs;
            if (arts[i].title && arts[i].body_len &&
                zj_html_tables(arts[i].body, arts[i].body_len, &gs, &e) == ZJ_OK) {
                import_grids(R, &gs, &arts[i], NULL, reqs[i].final_url, reqs[i].retrieved_at);
                zj_grids_free(&gs);
            }
        }
        na += arts[i].attachments.n;
    }
    for (i = 0; i < ns->n; i++)
        zj_fetch_req_clear(&reqs[i]);
    free(reqs);
    reqs = NULL;
    if (na) {
        size_t k = 0;
        areqs = calloc(na, sizeof *areqs);
        atts = calloc(na, sizeof *atts);
        if (!areqs || !atts) {
            R->failed_nomem = 1;
            goto out;
        }
        for (i = 0; i < ns->n; i++)
            for (j = 0; j < arts[i].attachments.n; j++) {
                areqs[k].url = arts[i].attachments.items[j].url;
                areqs[k].expect = ZJ_EXPECT_FILE;
                atts[k].art = i;
                atts[k].link = j;
                k++;
            }
        zj_fetch_many(R->f, areqs, na, "attachment");
        for (k = 0; k < na; k++) {
            const zj_article *a = &arts[atts[k].art];
            const zj_link *l = &a->attachments.items[atts[k].link];
            zj_grids gs;
            zj_error e;
            char ext[16];
            zj_code rc;

            if (areqs[k].rc != ZJ_OK) {
                warn(R, l->url, &areqs[k].err, "attachment");
                continue;
            }
            url_ext(l->url, ext, sizeof ext);
            zj_error_clear(&e);
            memset(&gs, 0, sizeof gs);
            if (strcmp(ext, "xlsx") == 0 || strcmp(ext, "et") == 0)
                rc = zj_xlsx_tables(areqs[k].body, areqs[k].len, &gs, &e);
            else if (strcmp(ext, "docx") == 0)
                rc = zj_docx_tables(areqs[k].body, areqs[k].len, &gs, &e);
            else if (strcmp(ext, "xls") == 0)
                rc = zj_xls_tables(areqs[k].body, areqs[k].len, &gs, &e);
            else
                rc = zj_office_tables(areqs[k].body, areqs[k].len, ext, &gs, &e);
            if (rc != ZJ_OK) {
                warn(R, l->url, &e, "attachment");
                continue;
            }
            import_grids(R, &gs, a, l->title, areqs[k].final_url, areqs[k].retrieved_at);
            zj_grids_free(&gs);
        }
    }
out:
    if (areqs)
        for (i = 0; i < na; i++)
            zj_fetch_req_clear(&areqs[i]);
    free(areqs);
    free(atts);
    for (i = 0; i < ns->n; i++) {
        zj_article_free(&arts[i]);
        free(retrieved[i]);
    }
    free(arts);
    free(retrieved);
    return R->failed_nomem ? zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory") : ZJ_OK;
}

static void fetch_progress_forward(void *u, const char *stage, size_t done, size_t total, const char *what)
{
    const zj_refresh_options *o = u;

    o->progress(o->progress_user, stage, done, total, what);
}

/* Stage 4: write, audit, diff, commit. */
static zj_code publish(run *R, const char *snap, zj_error *err)
{
    zj_snap_table *st = calloc(R->res->n_tables + 1, sizeof *st);
    char *cur = zj_snapshot_current(snap), *version = NULL, *vdir = NULL;
    zj_data *newd = NULL, *oldd = NULL;
    size_t i, j;
    zj_code rc;

    if (!st) {
        free(cur);
        return zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
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
    rc = zj_snapshot_write(snap, st, R->res->n_tables, cur, !R->o->dry_run, &version, &vdir, err);
    if (rc)
        goto out;
    R->res->version = version;
    version = NULL;
    /* Read it back as the library will: the manifest loader validates it. */
    if ((rc = zj_snapshot_load(vdir, &newd, err)))
        goto out;
    if (cur && (rc = zj_snapshot_load(cur, &oldd, err))) {
        zj_error_prefix_where(err, "current snapshot");
        goto out;
    }
    for (i = 0; i < R->res->n_tables; i++) {
        rtable *t = &R->res->tables[i];
        const zj_table *nt = NULL, *ot = NULL;

        for (j = 0; j < newd->n_tables; j++)
            if (strcmp(newd->tables[j]->name, t->name) == 0)
                nt = newd->tables[j];
        for (j = 0; oldd && j < oldd->n_tables; j++)
            if (strcmp(oldd->tables[j]->name, t->name) == 0)
                ot = oldd->tables[j];
        if (!nt)
            continue;
        if ((rc = zj_table_audit(newd, nt, &t->findings, err)) ||
            (rc = zj_plan_diff(ot, nt, &R->res->changes, err)))
            goto out;
    }
    if (R->o->dry_run || R->res->changes.n == 0) {
        zj_snapshot_discard(vdir);
    } else {
        if ((rc = zj_snapshot_commit(snap, R->res->version, err)))
            goto out;
        R->res->committed = 1;
    }
out:
    if (rc && vdir)
        zj_snapshot_discard(vdir);
    zj_data_close(newd);
    zj_data_close(oldd);
    free(version);
    free(vdir);
    free(cur);
    free(st);
    return rc;
}

zj_code zj_refresh_run(const zj_refresh_options *o, zj_refresh_result **out, zj_error *err)
{
    zj_refresh_options fo;
    run R;
    notices ns = { NULL, 0 };
    const char *const *bases;
    size_t nb, i;
    const char *snap;
    char snap_default[4096];
    char *snap_copy = NULL;
    int lock = -1;
    zj_code rc;

    zj_error_clear(err);
    if (!o || !out)
        return zj_fail(err, ZJ_ERR_ARG, "arguments", "参数为空指针", "a required argument is NULL");
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
        return zj_fail(err, ZJ_ERR_ARG, "snapshot_dir", "默认快照目录路径过长",
                       "the default snapshot directory path is too long");
    if (!(snap_copy = zj_strdup(snap)))
        return zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
    if (!(R.res = calloc(1, sizeof *R.res))) {
        free(snap_copy);
        return zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
    }
    if ((rc = zj_fetcher_new(&fo, &R.f, err)))
        goto out;
    if ((rc = zj_snapshot_lock(snap_copy, &lock, err)))
        goto out;
    if ((rc = discover(&R, bases, nb, &ns, err)))
        goto out;
    if ((rc = read_notices(&R, &ns, err)))
        goto out;
    zj_fetcher_stats(R.f, &R.res->requests, &R.res->cached, &R.res->retries);
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
    zj_snapshot_unlock(lock);
    notices_free(&ns);
    zj_fetcher_free(R.f);
    free(snap_copy);
    if (rc) {
        zj_refresh_result_free(R.res);
        return rc;
    }
    *out = R.res;
    return ZJ_OK;
}
