/* fetch_http.c — HTTP GETs over the libcurl multi interface.
 *
 * Requests go into one queue run by one event loop (zj__fetch_wait).  A
 * request's completion callback may submit more, so the refresh pipelines
 * its stages: a notice is requested as soon as the list page naming it has
 * arrived, an attachment as soon as its notice has, while other pages are
 * still on the way.  Every request is a small state machine:
 *   waiting (for its host's robots.txt, its host's rate-limit slot, a free
 *   transfer slot or its backoff to expire) -> running -> done | redirected
 *   (back to waiting, at the new URL, after checking its host) | retry
 *   (back to waiting) -> delivered (its callback has run).
 * libcurl never follows redirects itself (CURLOPT_FOLLOWLOCATION is off):
 * each hop is checked against the allowed hosts and counted here.
 * TLS peer and host verification are always on; there is no option to turn
 * them off.  All transfers run on one multi handle, so connections and the
 * DNS cache are reused across requests and stages; easy handles are reused
 * too, and a share handle keeps TLS sessions, so that a further connection
 * to a host resumes the first one's session. */
#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error_internal.h"
#include "fetch.h"
#include "utf8.h"
#include "zhijiao/version.h"

static const char *const official_hosts[] = {
    "jw.beijing.gov.cn", "www.bjeea.cn", "bjeea.cn", NULL
};

typedef struct robots_entry {
    char *hostport;
    zj__robots *robots;
    int loaded;                 /* 0: its robots.txt is still being fetched */
} robots_entry;

typedef struct stage_count {
    char name[24];
    size_t submitted, finished;
} stage_count;

enum { X_WAITING = 0, X_RUNNING, X_DONE, X_DELIVERED };

/* How long a cached robots.txt is used without asking again (seconds). */
#define ROBOTS_MAX_AGE_S 3600

typedef struct xfer {
    zj__fetch_req *req;
    zj_fetch_done_fn done;
    void *user;
    int stage;                  /* index into f->stages, -1: none */
    /* An internal fetch of robots.txt fills its own request: */
    int is_robots;
    char robots_key[300];       /* the host:port it is for */
    zj__fetch_req own;
    char *own_url;
    char *url;                  /* current hop */
    char hostport[300];
    CURL *easy;
    int state;
    long not_before;            /* monotonic ms */
    int attempt, redirects;
    zj__strbuf body;
    int too_big;
    char *etag, *last_modified;
    long retry_after_ms;        /* -1: none */
    zj__cache_entry cached;
    int have_cached;
    struct curl_slist *headers;
    int robots_checked;
    size_t max_body;
} xfer;

struct zj__fetcher {
    zj_refresh_options o;           /* defaults applied; pointers not owned after new() */
    char *cache_dir, *ca_bundle;
    char **allowed;                 /* "host" or "host:port", lower case */
    size_t n_allowed;
    CURLM *multi;
    CURLSH *share;
    CURL **idle;                    /* easy handles to reuse */
    size_t n_idle, cap_idle;
    zj__ratelimit *rate;
    robots_entry *robots;
    size_t n_robots;
    xfer **xs;                      /* submitted and not yet delivered, in order */
    size_t n_xs, cap_xs;
    size_t running;
    stage_count *stages;
    size_t n_stages;
    unsigned rng;
    size_t n_requests, n_cached, n_retries;
    char user_agent[96];
    long deadline;                  /* monotonic ms; 0: none */
    size_t cache_failures;          /* entries that could not be written */
    char cache_error[128];          /* strerror of the first */
};

/* ---- URLs ----------------------------------------------------------------- */

int zj__url_hostport(const char *url, char *buf, size_t size)
{
    CURLU *u = curl_url();
    char *host = NULL, *port = NULL, *scheme = NULL;
    int ok = 0;

    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0) &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
        char *p;
        int n = snprintf(buf, size, "%s:%s", host, port);
        ok = n > 0 && (size_t)n < size;
        for (p = buf; ok && *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    curl_free(host);
    curl_free(port);
    curl_free(scheme);
    curl_url_cleanup(u);
    return ok;
}

char *zj__url_resolve(const char *base, const char *ref)
{
    CURLU *u = curl_url();
    char *s = NULL, *out = NULL;
    size_t len;
    const char *r = zj__trim(ref, &len);
    char *rc = zj__strndup(r, len);

    if (u && rc && curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, rc, CURLU_URLENCODE) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK) {
        CURLU *v = curl_url();
        char *scheme = NULL;
        if (v && curl_url_set(v, CURLUPART_URL, s, 0) == CURLUE_OK &&
            curl_url_get(v, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
            (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0))
            out = zj__strdup(s);
        curl_free(scheme);
        curl_url_cleanup(v);
    }
    curl_free(s);
    free(rc);
    curl_url_cleanup(u);
    return out;
}

static char *url_path(const char *url)
{
    CURLU *u = curl_url();
    char *p = NULL, *out = NULL;

    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PATH, &p, 0) == CURLUE_OK)
        out = zj__strdup(p);
    curl_free(p);
    curl_url_cleanup(u);
    return out;
}

int zj__fetcher_host_allowed(const zj__fetcher *f, const char *url)
{
    char hp[300], *colon;
    size_t i, hlen;

    if (!zj__url_hostport(url, hp, sizeof hp))
        return 0;
    colon = strrchr(hp, ':');
    hlen = colon ? (size_t)(colon - hp) : strlen(hp);
    for (i = 0; i < f->n_allowed; i++) {
        const char *a = f->allowed[i];
        if (strcmp(a, hp) == 0 || (strchr(a, ':') == NULL && strlen(a) == hlen &&
                                   strncmp(a, hp, hlen) == 0))
            return 1;
    }
    return 0;
}

/* ---- set-up ----------------------------------------------------------------- */

static int add_allowed(zj__fetcher *f, const char *h)
{
    char **a = realloc(f->allowed, (f->n_allowed + 1) * sizeof *a), *p;

    if (!a)
        return 0;
    f->allowed = a;
    if (!(a[f->n_allowed] = zj__strdup(h)))
        return 0;
    for (p = a[f->n_allowed]; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    f->n_allowed++;
    return 1;
}

zj_code zj__fetcher_new(const zj_refresh_options *o, zj__fetcher **out, zj_error *err)
{
    zj__fetcher *f;
    size_t i;
    struct timespec ts;

    *out = NULL;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return ZJ_FAIL(err, ZJ_ERR_IO, "libcurl",
                       ("libcurl 初始化失败"),
                       ("libcurl failed to initialise"));
    if (!(f = calloc(1, sizeof *f)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    f->o = *o;
    if (!f->o.connect_timeout_ms) f->o.connect_timeout_ms = 10000;
    if (!f->o.total_timeout_ms) f->o.total_timeout_ms = 60000;
    if (!f->o.low_speed_bytes) f->o.low_speed_bytes = 100;
    if (!f->o.low_speed_seconds) f->o.low_speed_seconds = 20;
    if (f->o.rate_limit == 0) f->o.rate_limit = 2;
    if (!f->o.max_body) f->o.max_body = (size_t)32 << 20;
    if (!f->o.max_redirects) f->o.max_redirects = 5;
    if (f->o.max_redirects < 0) f->o.max_redirects = 0;
    if (!f->o.max_retries) f->o.max_retries = 4;
    if (f->o.max_retries < 0) f->o.max_retries = 0;
    if (!f->o.max_backoff_ms) f->o.max_backoff_ms = 30000;
    if (f->o.parallel <= 0) f->o.parallel = 8;
    if (f->o.per_host <= 0) f->o.per_host = 4;
    if (!f->o.deadline_ms) f->o.deadline_ms = ZJ_REFRESH_DEFAULT_DEADLINE_MS;
    f->deadline = f->o.deadline_ms > 0 ? zj__now_ms() + f->o.deadline_ms : 0;
    f->o.base_urls = NULL;
    f->o.allow_hosts = NULL;
    f->cache_dir = o->cache_dir ? zj__strdup(o->cache_dir) : zj__cache_default_dir();
    f->ca_bundle = o->ca_bundle ? zj__strdup(o->ca_bundle) : NULL;
    f->multi = curl_multi_init();
    f->share = curl_share_init();
    f->rate = zj__ratelimit_new(f->o.rate_limit);
    if (!f->cache_dir || (o->ca_bundle && !f->ca_bundle) || !f->multi || !f->share || !f->rate)
        goto nomem;
    /* One thread uses the fetcher, so the share handle needs no locks. */
    curl_share_setopt(f->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    for (i = 0; official_hosts[i]; i++)
        if (!add_allowed(f, official_hosts[i]))
            goto nomem;
    for (i = 0; i < o->n_base_urls; i++) {
        char hp[300];
        if (!zj__url_hostport(o->base_urls[i], hp, sizeof hp)) {
            zj__fetcher_free(f);
            return ZJ_FAIL(err, ZJ_ERR_ARG, "argument base_urls",
                           ("基础网址“%s”不是 http(s) 网址", o->base_urls[i]),
                           ("base URL '%s' is not an http(s) URL", o->base_urls[i]));
        }
        if (!add_allowed(f, hp))
            goto nomem;
    }
    for (i = 0; i < o->n_allow_hosts; i++)
        if (!add_allowed(f, o->allow_hosts[i]))
            goto nomem;
    /* The bounds (in total and per host) are kept by zj__fetch_wait itself:
     * a transfer is only handed to libcurl when it may start, so libcurl
     * never queues one waiting for a connection slot. */
    snprintf(f->user_agent, sizeof f->user_agent,
             "zhijiao/%s (+https://zhijiao.invalid; official-data refresh)", zj_version());
    clock_gettime(CLOCK_REALTIME, &ts);
    f->rng = (unsigned)ts.tv_nsec ^ (unsigned)ts.tv_sec;
    *out = f;
    return ZJ_OK;
nomem:
    zj__fetcher_free(f);
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

static void xfer_free(zj__fetcher *f, xfer *x)
{
    if (x->easy) {
        curl_multi_remove_handle(f->multi, x->easy);
        curl_easy_cleanup(x->easy);
    }
    free(x->url);
    zj__strbuf_free(&x->body);
    free(x->etag);
    free(x->last_modified);
    curl_slist_free_all(x->headers);
    zj__cache_entry_free(&x->cached);
    zj__fetch_req_clear(&x->own);
    free(x->own_url);
    free(x);
}

void zj__fetcher_free(zj__fetcher *f)
{
    size_t i;

    if (!f)
        return;
    for (i = 0; i < f->n_xs; i++)
        xfer_free(f, f->xs[i]);
    free(f->xs);
    for (i = 0; i < f->n_idle; i++)
        curl_easy_cleanup(f->idle[i]);
    free(f->idle);
    for (i = 0; i < f->n_allowed; i++)
        free(f->allowed[i]);
    free(f->allowed);
    for (i = 0; i < f->n_robots; i++) {
        free(f->robots[i].hostport);
        zj__robots_free(f->robots[i].robots);
    }
    free(f->robots);
    free(f->stages);
    if (f->multi)
        curl_multi_cleanup(f->multi);
    if (f->share)
        curl_share_cleanup(f->share);
    zj__ratelimit_free(f->rate);
    free(f->cache_dir);
    free(f->ca_bundle);
    free(f);
}

void zj__fetcher_stats(const zj__fetcher *f, size_t *requests, size_t *from_cache, size_t *retries)
{
    if (requests) *requests = f->n_requests;
    if (from_cache) *from_cache = f->n_cached;
    if (retries) *retries = f->n_retries;
}

void zj__fetch_req_clear(zj__fetch_req *r)
{
    free(r->body);
    free(r->content_type);
    free(r->final_url);
    free(r->retrieved_at);
    r->body = r->content_type = r->final_url = r->retrieved_at = NULL;
    r->len = 0;
}

/* ---- one transfer ----------------------------------------------------------- */


static size_t on_body(char *p, size_t sz, size_t n, void *ud)
{
    xfer *x = ud;
    size_t len = sz * n;

    if (x->too_big || x->body.len + len > x->max_body) {
        x->too_big = 1;
        return 0;
    }
    zj__strbuf_append(&x->body, p, len);
    return x->body.failed ? 0 : len;
}

static char *header_value(const char *line, size_t len, const char *name)
{
    size_t nl = strlen(name);
    const char *v, *e = line + len;

    if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
        return NULL;
    v = line + nl + 1;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' '))
        e--;
    return zj__strndup(v, (size_t)(e - v));
}

static size_t on_header(char *p, size_t sz, size_t n, void *ud)
{
    xfer *x = ud;
    size_t len = sz * n;
    char *v;

    if ((v = header_value(p, len, "etag"))) {
        free(x->etag);
        x->etag = v;
    } else if ((v = header_value(p, len, "last-modified"))) {
        free(x->last_modified);
        x->last_modified = v;
    } else if ((v = header_value(p, len, "retry-after"))) {
        char *end;
        long s = strtol(v, &end, 10);
        if (end != v && *end == '\0' && s >= 0)
            x->retry_after_ms = s > 86400 ? 86400000L : s * 1000;
        else {
            time_t t = curl_getdate(v, NULL);
            if (t > 0) {
                time_t now = time(NULL);
                x->retry_after_ms = t > now ? (long)(t - now) * 1000 : 0;
            }
        }
        free(v);
    }
    return len;
}

static void progress(zj__fetcher *f, const char *stage, size_t done, size_t total, const char *what)
{
    if (f->o.progress)
        f->o.progress(f->o.progress_user, stage, done, total, what);
}

static void finish_ok(xfer *x, long status, const char *ctype, char *body, size_t len,
                      int from_cache, int stale, const char *retrieved)
{
    zj__fetch_req *r = x->req;
    char now[32];

    zj__utc_now(now, sizeof now);
    r->rc = ZJ_OK;
    r->status = status;
    r->body = body;
    r->len = len;
    r->content_type = zj__strdup(ctype ? ctype : "");
    r->final_url = zj__strdup(x->url);
    r->retrieved_at = zj__strdup(retrieved && *retrieved ? retrieved : now);
    r->from_cache = from_cache;
    r->stale = stale;
    x->state = X_DONE;
    if (!r->content_type || !r->final_url || !r->retrieved_at) {
        zj__fetch_req_clear(r);
        r->rc = ZJ_FAIL(&r->err, ZJ_ERR_NOMEM, NULL,
                        ("内存不足"),
                        ("out of memory"));
    }
}

static void finish_fail(xfer *x, zj_code code, const char *zh, const char *en)
{
    x->req->rc = ZJ_FAIL(&x->req->err, code, x->url,
                         ("%s", zh),
                         ("%s", en));
    x->state = X_DONE;
}

static int type_is_html(const char *ct)
{
    return ct && (strncasecmp(ct, "text/html", 9) == 0 ||
                  strncasecmp(ct, "application/xhtml+xml", 21) == 0);
}

/* Checks what came back against what the caller expects; 0 = wrong. */
static int type_ok(zj__fetch_expect e, const char *ct)
{
    if (e == ZJ_EXPECT_HTML)
        return type_is_html(ct);
    if (e == ZJ_EXPECT_FILE)
        return !type_is_html(ct);
    return 1;
}

/* Serves x from the cache when there is a copy; 1 if it did. */
/* A cache entry that cannot be written (a full disk, no permission) does
 * not fail the download, but is counted: the refresh reports it, so that
 * a later --offline is no surprise. */
static void cache_store(zj__fetcher *f, const char *url, const zj__cache_entry *e)
{
    errno = 0;
    if (zj__cache_put(f->cache_dir, url, e))
        return;
    if (!f->cache_failures++)
        snprintf(f->cache_error, sizeof f->cache_error, "%s", errno ? strerror(errno) : "?");
}

size_t zj__fetcher_cache_failures(const zj__fetcher *f, const char **dir, const char **why)
{
    *dir = f->cache_dir;
    *why = f->cache_error;
    return f->cache_failures;
}

int zj__fetcher_past_deadline(const zj__fetcher *f)
{
    return f->deadline && zj__now_ms() >= f->deadline;
}

long zj__fetcher_ms_left(const zj__fetcher *f)
{
    long left;

    if (!f->deadline)
        return 0;
    left = f->deadline - zj__now_ms();
    return left > 1 ? left : 1;
}

long zj__fetcher_deadline_s(const zj__fetcher *f)
{
    return f->o.deadline_ms > 0 ? (f->o.deadline_ms + 999) / 1000 : 0;
}

/* The refresh's deadline has passed: x is not (or no longer) downloaded. */
static void finish_deadline(zj__fetcher *f, xfer *x)
{
    x->req->rc = ZJ_FAIL(&x->req->err, ZJ_ERR_IO, x->url,
                         ("已到整个更新的时限（%ld 秒），未下载（可用 --deadline 调整）", zj__fetcher_deadline_s(f)),
                         ("the deadline of the whole refresh (%ld s) was reached before this was downloaded "
                          "(see --deadline)", zj__fetcher_deadline_s(f)));
    x->state = X_DONE;
}

static int serve_stale(zj__fetcher *f, xfer *x, const char *why_en)
{
    char msg[600];

    if (!x->have_cached)
        return 0;
    snprintf(msg, sizeof msg, "%s: %s", x->req->url, why_en);
    progress(f, "cache", 0, 0, msg);
    f->n_cached++;
    finish_ok(x, 200, x->cached.content_type, x->cached.body, x->cached.len, 1, 1,
              x->cached.retrieved_at);
    x->cached.body = NULL;
    return 1;
}

static long backoff_ms(zj__fetcher *f, int attempt, long retry_after)
{
    long base = 250L << (attempt < 10 ? attempt : 10), jitter;

    if (base > f->o.max_backoff_ms)
        base = f->o.max_backoff_ms;
    f->rng = f->rng * 1103515245u + 12345u;
    jitter = (long)((f->rng >> 8) % (unsigned)(base / 2 + 1));
    base = base / 2 + jitter;   /* "equal jitter": [base/2, base] */
    if (retry_after >= 0)
        base = retry_after > f->o.max_backoff_ms ? f->o.max_backoff_ms : retry_after;
    return base;
}

static void schedule_retry(zj__fetcher *f, xfer *x, const char *why)
{
    char msg[600];

    x->attempt++;
    f->n_retries++;
    x->req->retries++;
    x->not_before = zj__now_ms() + backoff_ms(f, x->attempt, x->retry_after_ms);
    x->state = X_WAITING;
    snprintf(msg, sizeof msg, "%s: %s, retry %d", x->url, why, x->attempt);
    progress(f, "retry", 0, 0, msg);
}

static int start(zj__fetcher *f, xfer *x)
{
    CURL *e = f->n_idle ? f->idle[--f->n_idle] : curl_easy_init();
    char h[600];

    if (!e)
        return 0;
    x->easy = e;
    zj__strbuf_reset(&x->body);
    x->too_big = 0;
    x->retry_after_ms = -1;
    free(x->etag);
    free(x->last_modified);
    x->etag = x->last_modified = NULL;
    curl_slist_free_all(x->headers);
    x->headers = NULL;
    if (x->have_cached && x->redirects == 0) {
        if (x->cached.etag) {
            snprintf(h, sizeof h, "If-None-Match: %s", x->cached.etag);
            x->headers = curl_slist_append(x->headers, h);
        }
        if (x->cached.last_modified) {
            snprintf(h, sizeof h, "If-Modified-Since: %s", x->cached.last_modified);
            x->headers = curl_slist_append(x->headers, h);
        }
    }
    curl_easy_setopt(e, CURLOPT_URL, x->url);
    curl_easy_setopt(e, CURLOPT_PRIVATE, x);
    curl_easy_setopt(e, CURLOPT_SHARE, f->share);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, f->o.connect_timeout_ms);
    {
        long t = f->o.total_timeout_ms, left = f->deadline ? f->deadline - zj__now_ms() : t;
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, left < t ? (left > 1 ? left : 1) : t);
    }
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, f->o.low_speed_bytes);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, f->o.low_speed_seconds);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->o.max_body);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (f->ca_bundle)
        curl_easy_setopt(e, CURLOPT_CAINFO, f->ca_bundle);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    if (x->headers)
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
    if (curl_multi_add_handle(f->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        x->easy = NULL;
        return 0;
    }
    x->state = X_RUNNING;
    f->n_requests++;
    return 1;
}

/* Takes x's easy handle off the multi handle and keeps it for the next
 * transfer (curl_easy_reset forgets every option, not the handle's
 * buffers). */
static void release_easy(zj__fetcher *f, xfer *x)
{
    CURL *e = x->easy;

    x->easy = NULL;
    curl_multi_remove_handle(f->multi, e);
    if (f->n_idle == f->cap_idle) {
        size_t c = f->cap_idle ? f->cap_idle * 2 : 16;
        CURL **n = realloc(f->idle, c * sizeof *n);
        if (!n) {
            curl_easy_cleanup(e);
            return;
        }
        f->idle = n;
        f->cap_idle = c;
    }
    curl_easy_reset(e);
    f->idle[f->n_idle++] = e;
}

static int is_transient(CURLcode c)
{
    switch (c) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return 1;
    default:
        return 0;
    }
}

/* A validator in a 304 (NULL: not sent, so unchanged) against the cached one. */
static int same_value(const char *sent, const char *cached)
{
    return !sent || (cached && strcmp(sent, cached) == 0);
}

static void completed(zj__fetcher *f, xfer *x, CURLcode cc)
{
    CURL *e = x->easy;
    long status = 0;
    char *ctype = NULL, *redir = NULL, msg_zh[600], msg_en[600];

    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ctype);
    x->req->status = status;
    x->state = X_WAITING;
    if (cc == CURLE_FILESIZE_EXCEEDED || x->too_big) {
        snprintf(msg_zh, sizeof msg_zh, "响应超过上限 %zu 字节", f->o.max_body);
        snprintf(msg_en, sizeof msg_en, "the response exceeds the limit of %zu bytes", f->o.max_body);
        finish_fail(x, ZJ_ERR_IO, msg_zh, msg_en);
    } else if (cc == CURLE_WRITE_ERROR) {
        finish_fail(x, ZJ_ERR_NOMEM, "内存不足", "out of memory");
    } else if (cc != CURLE_OK && zj__fetcher_past_deadline(f)) {
        if (!serve_stale(f, x, "the refresh's deadline was reached"))
            finish_deadline(f, x);
    } else if (cc != CURLE_OK) {
        const char *s = curl_easy_strerror(cc);
        if (cc == CURLE_PARTIAL_FILE)
            s = "the response was truncated (fewer bytes than Content-Length)";
        if (is_transient(cc) && x->attempt < f->o.max_retries) {
            schedule_retry(f, x, s);
        } else if (!serve_stale(f, x, s)) {
            snprintf(msg_zh, sizeof msg_zh, "下载失败（%d 次尝试）：%s", x->attempt + 1, s);
            snprintf(msg_en, sizeof msg_en, "download failed after %d attempt(s): %s", x->attempt + 1, s);
            finish_fail(x, ZJ_ERR_IO, msg_zh, msg_en);
        }
    } else if (status >= 300 && status < 400 && status != 304) {
        curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &redir);
        if (!redir) {
            snprintf(msg_en, sizeof msg_en, "HTTP %ld without a Location", status);
            snprintf(msg_zh, sizeof msg_zh, "HTTP %ld 重定向缺少 Location", status);
            finish_fail(x, ZJ_ERR_IO, msg_zh, msg_en);
        } else if (x->redirects >= f->o.max_redirects) {
            snprintf(msg_zh, sizeof msg_zh, "重定向超过 %ld 次（可能是重定向循环）", f->o.max_redirects);
            snprintf(msg_en, sizeof msg_en, "more than %ld redirects (a redirect loop?)", f->o.max_redirects);
            finish_fail(x, ZJ_ERR_IO, msg_zh, msg_en);
        } else if (!zj__fetcher_host_allowed(f, redir)) {
            snprintf(msg_zh, sizeof msg_zh, "重定向到不在允许列表中的主机：%s（可用 --allow-host 添加）", redir);
            snprintf(msg_en, sizeof msg_en, "redirected to a host that is not allowed: %s (see --allow-host)", redir);
            finish_fail(x, ZJ_ERR_UNSUPPORTED, msg_zh, msg_en);
        } else {
            char *n = zj__strdup(redir);
            if (!n)
                finish_fail(x, ZJ_ERR_NOMEM, "内存不足", "out of memory");
            else {
                free(x->url);
                x->url = n;
                x->redirects++;
                x->robots_checked = 0;
                zj__url_hostport(x->url, x->hostport, sizeof x->hostport);
            }
        }
    } else if (status == 304 && x->have_cached) {
        char now[32];
        zj__utc_now(now, sizeof now);
        /* Unchanged: a 304 normally repeats the validators, and then the
         * entry is only marked as validated now. */
        if (!same_value(x->etag, x->cached.etag) || !same_value(x->last_modified, x->cached.last_modified) ||
            !zj__cache_touch(f->cache_dir, x->req->url)) {
            zj__cache_entry upd = x->cached;
            upd.retrieved_at = now;
            upd.body = NULL;
            if (x->etag) upd.etag = x->etag;
            if (x->last_modified) upd.last_modified = x->last_modified;
            cache_store(f, x->req->url, &upd);
        }
        f->n_cached++;
        finish_ok(x, 304, x->cached.content_type, x->cached.body, x->cached.len, 1, 0, now);
        x->cached.body = NULL;
    } else if (status == 429 || status >= 500) {
        snprintf(msg_en, sizeof msg_en, "HTTP %ld", status);
        if (x->attempt < f->o.max_retries)
            schedule_retry(f, x, msg_en);
        else if (!serve_stale(f, x, msg_en)) {
            snprintf(msg_zh, sizeof msg_zh, "服务器返回 HTTP %ld（已尝试 %d 次）", status, x->attempt + 1);
            snprintf(msg_en, sizeof msg_en, "the server answered HTTP %ld (%d attempt(s))", status, x->attempt + 1);
            finish_fail(x, ZJ_ERR_IO, msg_zh, msg_en);
        }
    } else if (status != 200) {
        snprintf(msg_zh, sizeof msg_zh, "服务器返回 HTTP %ld", status);
        snprintf(msg_en, sizeof msg_en, "the server answered HTTP %ld", status);
        finish_fail(x, status == 404 || status == 410 ? ZJ_ERR_NOT_FOUND : ZJ_ERR_IO, msg_zh, msg_en);
    } else if (!type_ok(x->req->expect, ctype)) {
        snprintf(msg_zh, sizeof msg_zh, "内容类型不符：%s（期望%s）", ctype ? ctype : "（无）",
                 x->req->expect == ZJ_EXPECT_HTML ? "网页 text/html" : "附件，而不是网页");
        snprintf(msg_en, sizeof msg_en, "wrong Content-Type: %s (expected %s)", ctype ? ctype : "(none)",
                 x->req->expect == ZJ_EXPECT_HTML ? "text/html" : "an attachment, not an HTML page");
        finish_fail(x, ZJ_ERR_PARSE, msg_zh, msg_en);
    } else {
        zj__cache_entry ce;
        char now[32];
        size_t len = x->body.len;
        char *body;

        if (!x->body.data)
            zj__strbuf_append(&x->body, "", 0);
        body = zj__strbuf_take(&x->body);
        if (!body) {
            finish_fail(x, ZJ_ERR_NOMEM, "内存不足", "out of memory");
        } else {
            zj__utc_now(now, sizeof now);
            memset(&ce, 0, sizeof ce);
            ce.etag = x->etag;
            ce.last_modified = x->last_modified;
            ce.content_type = ctype;
            ce.retrieved_at = now;
            ce.body = body;
            ce.len = len;
            cache_store(f, x->req->url, &ce);
            finish_ok(x, 200, ctype, body, len, 0, 0, now);
        }
    }
    release_easy(f, x);
}

/* ---- the queue ------------------------------------------------------------------ */

static int stage_index(zj__fetcher *f, const char *name)
{
    size_t i;
    stage_count *s;

    if (!name)
        return -1;
    for (i = 0; i < f->n_stages; i++)
        if (strcmp(f->stages[i].name, name) == 0)
            return (int)i;
    if (!(s = realloc(f->stages, (f->n_stages + 1) * sizeof *s)))
        return -1;
    f->stages = s;
    memset(&s[f->n_stages], 0, sizeof *s);
    snprintf(s[f->n_stages].name, sizeof s[f->n_stages].name, "%s", name);
    return (int)f->n_stages++;
}

static int queue_push(zj__fetcher *f, xfer *x)
{
    if (f->n_xs == f->cap_xs) {
        size_t c = f->cap_xs ? f->cap_xs * 2 : 64;
        xfer **n = realloc(f->xs, c * sizeof *n);
        if (!n)
            return 0;
        f->xs = n;
        f->cap_xs = c;
    }
    f->xs[f->n_xs++] = x;
    return 1;
}

static void req_reset(zj__fetch_req *r)
{
    zj_error_clear(&r->err);
    r->rc = ZJ_OK;
    r->status = 0;
    r->retries = 0;
    r->from_cache = r->stale = 0;
    r->body = r->content_type = r->final_url = r->retrieved_at = NULL;
    r->len = 0;
}

/* Checks a new transfer's URL and looks it up in the cache; finishes it at
 * once when it cannot or need not go to the network. */
static void prepare(zj__fetcher *f, xfer *x)
{
    x->retry_after_ms = -1;
    x->max_body = f->o.max_body;
    if (!(x->url = zj__strdup(x->req->url))) {
        finish_fail(x, ZJ_ERR_NOMEM, "内存不足", "out of memory");
        return;
    }
    if (!zj__url_hostport(x->url, x->hostport, sizeof x->hostport)) {
        finish_fail(x, ZJ_ERR_ARG, "不是 http(s) 网址", "not an http(s) URL");
        return;
    }
    if (!zj__fetcher_host_allowed(f, x->url)) {
        finish_fail(x, ZJ_ERR_UNSUPPORTED, "主机不在允许列表中（可用 --allow-host 添加）",
                    "the host is not allowed (see --allow-host)");
        return;
    }
    x->have_cached = zj__cache_get(f->cache_dir, x->req->url, &x->cached);
    if (x->is_robots && x->have_cached && !f->o.offline &&
        (long long)time(NULL) - x->cached.validated < ROBOTS_MAX_AGE_S) {
        /* RFC 9309, 2.4: a crawler may use its copy of robots.txt for up to
         * 24 hours; one that is less than an hour old is used as it is. */
        f->n_cached++;
        finish_ok(x, 200, x->cached.content_type, x->cached.body, x->cached.len, 1, 0,
                  x->cached.retrieved_at);
        x->cached.body = NULL;
        return;
    }
    if (f->o.offline) {
        if (x->have_cached) {
            char msg[600];
            snprintf(msg, sizeof msg, "%s: offline, the copy cached at %s is used", x->req->url,
                     x->cached.retrieved_at ? x->cached.retrieved_at : "?");
            progress(f, "cache", 0, 0, msg);
            f->n_cached++;
            finish_ok(x, 200, x->cached.content_type, x->cached.body, x->cached.len, 1, 1,
                      x->cached.retrieved_at);
            x->cached.body = NULL;
        } else {
            finish_fail(x, ZJ_ERR_IO, "离线模式：缓存中没有此网址", "offline, and the URL is not in the cache");
        }
    }
}

int zj__fetch_submit(zj__fetcher *f, zj__fetch_req *req, const char *stage, zj_fetch_done_fn done,
                    void *user)
{
    xfer *x = calloc(1, sizeof *x);

    req_reset(req);
    if (!x || !queue_push(f, x)) {
        free(x);
        req->rc = ZJ_FAIL(&req->err, ZJ_ERR_NOMEM, NULL,
                          ("内存不足"),
                          ("out of memory"));
        return 0;
    }
    x->req = req;
    x->done = done;
    x->user = user;
    x->stage = stage_index(f, stage);
    if (x->stage >= 0)
        f->stages[x->stage].submitted++;
    prepare(f, x);
    return 1;
}

void zj__fetch_many(zj__fetcher *f, zj__fetch_req *reqs, size_t n, const char *stage)
{
    size_t i;

    for (i = 0; i < n; i++)
        zj__fetch_submit(f, &reqs[i], stage, NULL, NULL);
    zj__fetch_wait(f);
}

/* ---- robots.txt --------------------------------------------------------------- */

static robots_entry *robots_find(zj__fetcher *f, const char *hostport)
{
    size_t i;

    for (i = 0; i < f->n_robots; i++)
        if (strcmp(f->robots[i].hostport, hostport) == 0)
            return &f->robots[i];
    return NULL;
}

/* Starts fetching robots.txt of x's host; requests to that host wait for
 * it.  When that cannot even start (out of memory), the host is treated as
 * having no robots.txt. */
static void submit_robots(zj__fetcher *f, const xfer *x)
{
    robots_entry *re = realloc(f->robots, (f->n_robots + 1) * sizeof *re);
    xfer *r;

    if (!re)
        return;     /* tried again on the next pass */
    f->robots = re;
    re = &f->robots[f->n_robots];
    if (!(re->hostport = zj__strdup(x->hostport)))
        return;
    re->robots = NULL;
    re->loaded = 0;
    f->n_robots++;
    r = calloc(1, sizeof *r);
    if (!r || !(r->own_url = zj__url_resolve(x->url, "/robots.txt")) || !queue_push(f, r)) {
        if (r)
            free(r->own_url);
        free(r);
        re->loaded = 1;
        return;
    }
    r->is_robots = 1;
    snprintf(r->robots_key, sizeof r->robots_key, "%s", x->hostport);
    r->req = &r->own;
    r->own.url = r->own_url;
    r->own.expect = ZJ_EXPECT_ANY;
    req_reset(&r->own);
    r->stage = stage_index(f, "robots");
    if (r->stage >= 0)
        f->stages[r->stage].submitted++;
    prepare(f, r);
}

static void robots_loaded(zj__fetcher *f, xfer *r)
{
    robots_entry *re = robots_find(f, r->robots_key);
    const zj__fetch_req *q = &r->own;

    if (!re)
        return;
    /* No robots.txt (404), or one that cannot be read: no restrictions. */
    re->robots = zj__robots_parse(q->rc == ZJ_OK && q->status != 0 ? q->body : NULL,
                                 q->rc == ZJ_OK ? q->len : 0);
    re->loaded = 1;
    if (re->robots && zj__robots_crawl_delay_ms(re->robots))
        zj__ratelimit_min_interval(f->rate, re->hostport, zj__robots_crawl_delay_ms(re->robots));
}

/* 1 when x may go ahead as far as robots.txt is concerned, 0 when it must
 * wait for its host's robots.txt (or was just failed because of it). */
static int robots_pass(zj__fetcher *f, xfer *x)
{
    robots_entry *re;
    char *path;
    int ok;

    if (x->robots_checked || x->is_robots || f->o.ignore_robots)
        return 1;
    if (!(re = robots_find(f, x->hostport))) {
        submit_robots(f, x);
        return 0;
    }
    if (!re->loaded)
        return 0;
    path = url_path(x->url);
    ok = !path || zj__robots_allowed(re->robots, path);
    free(path);
    if (!ok) {
        finish_fail(x, ZJ_ERR_UNSUPPORTED, "该网址被 robots.txt 禁止抓取", "robots.txt disallows this URL");
        return 0;
    }
    x->robots_checked = 1;
    return 1;
}

/* ---- the event loop ------------------------------------------------------------- */

/* Runs the callbacks of the finished transfers, in submission order, and
 * drops them from the queue; 1 if there were any. */
static int deliver(zj__fetcher *f)
{
    size_t i, j;
    int any = 0;

    /* A callback may submit more: f->xs may move and grow meanwhile. */
    for (i = 0; i < f->n_xs; i++) {
        xfer *x = f->xs[i];
        if (x->state != X_DONE)
            continue;
        x->state = X_DELIVERED;
        any = 1;
        if (x->stage >= 0) {
            stage_count *s = &f->stages[x->stage];
            s->finished++;
            progress(f, s->name, s->finished, s->submitted, x->req->url);
        }
        if (x->is_robots)
            robots_loaded(f, x);
        else if (x->done)
            x->done(x->user, x->req);
    }
    for (i = j = 0; i < f->n_xs; i++) {
        if (f->xs[i]->state == X_DELIVERED)
            xfer_free(f, f->xs[i]);
        else
            f->xs[j++] = f->xs[i];
    }
    f->n_xs = j;
    return any;
}

/* Starts every waiting transfer that may start now; returns how long to
 * wait at most before looking again (ms). */
static long start_waiting(zj__fetcher *f)
{
    long now = zj__now_ms(), wake = 200;
    size_t i;

    /* f->n_xs is read each time: robots_pass may add a robots.txt fetch,
     * which is then started in this same pass. */
    for (i = 0; i < f->n_xs; i++) {
        xfer *x = f->xs[i];
        long w;

        if (x->state != X_WAITING)
            continue;
        if (f->deadline && now >= f->deadline) {
            if (!serve_stale(f, x, "the refresh's deadline was reached"))
                finish_deadline(f, x);
            continue;
        }
        if (!robots_pass(f, x))
            continue;
        if (x->not_before > now) {
            if (x->not_before - now < wake)
                wake = x->not_before - now;
            continue;
        }
        if (f->running >= (size_t)f->o.parallel)
            break;
        if (zj__ratelimit_active(f->rate, x->hostport, 0) >= f->o.per_host)
            continue;
        if ((w = zj__ratelimit_wait(f->rate, x->hostport, now)) > 0) {
            if (w < wake)
                wake = w;
            continue;
        }
        zj__ratelimit_take(f->rate, x->hostport, now);
        if (!start(f, x)) {
            finish_fail(x, ZJ_ERR_NOMEM, "无法创建传输", "cannot create a transfer");
        } else {
            f->running++;
            zj__ratelimit_active(f->rate, x->hostport, 1);
        }
    }
    return wake;
}

void zj__fetch_wait(zj__fetcher *f)
{
    for (;;) {
        int still = 0, msgs, completions = 0;
        long wake;
        size_t i;
        CURLMsg *m;

        if (deliver(f))
            continue;       /* the callbacks may have submitted more */
        if (f->n_xs == 0)
            break;
        wake = start_waiting(f);
        for (i = 0; i < f->n_xs; i++)
            if (f->xs[i]->state == X_DONE)
                break;
        if (i < f->n_xs)
            continue;       /* failed before starting (robots.txt, memory) */
        curl_multi_perform(f->multi, &still);
        while ((m = curl_multi_info_read(f->multi, &msgs)) != NULL) {
            xfer *x = NULL;
            if (m->msg != CURLMSG_DONE)
                continue;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
            f->running--;
            zj__ratelimit_active(f->rate, x->hostport, -1);
            completed(f, x, m->data.result);
            completions++;
        }
        /* A finished transfer may free a slot (or need a retry, a redirect):
         * look at the waiting ones again before sleeping. */
        if (completions)
            continue;
        curl_multi_poll(f->multi, NULL, 0, (int)(wake > 0 ? wake : 1), NULL);
    }
}
