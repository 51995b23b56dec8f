/* fetch.h — HTTP for the refresh pipeline (internal).
 *
 * A zj__fetcher downloads URLs with the libcurl multi interface: bounded in
 * total and per host, rate-limited per host, only to allowed hosts
 * (redirects are followed here, hop by hop, so that each hop is checked),
 * honouring robots.txt, retrying transient failures with capped
 * exponential backoff and jitter, and revalidating a conditional-GET
 * cache.  Requests are submitted to one queue; a request's callback may
 * submit more while the others are still running, so stages pipeline.
 * One thread uses a fetcher at a time.
 */
#ifndef ZJ_FETCH_H
#define ZJ_FETCH_H

#include <stddef.h>

#include "zhijiao/refresh.h"
#include "strbuf.h"

typedef struct zj__fetcher zj__fetcher;

typedef enum zj__fetch_expect {
    ZJ_EXPECT_ANY = 0,
    ZJ_EXPECT_HTML,         /* text/html or application/xhtml+xml */
    ZJ_EXPECT_FILE          /* an attachment: anything but an HTML page */
} zj__fetch_expect;

typedef struct zj__fetch_req {
    /* in */
    const char *url;
    zj__fetch_expect expect;
    /* out (zj__fetch_req_clear frees them) */
    zj_code rc;             /* ZJ_OK: body holds the response */
    zj_error err;
    long status;            /* last HTTP status (0: none) */
    char *body;             /* NUL-terminated, `len` bytes before the NUL */
    size_t len;
    char *content_type;     /* "" when none */
    char *final_url;        /* after redirects */
    char *retrieved_at;     /* ISO 8601 UTC: when the body was (re)validated */
    int from_cache;         /* 1: 304 or served from the cache */
    int stale;              /* 1: served from the cache without revalidation */
    int retries;
} zj__fetch_req;

/* Copies what it needs from o (defaults applied); the base URLs' hosts and
 * o->allow_hosts are allowed besides the official hosts. */
zj_code zj__fetcher_new(const zj_refresh_options *o, zj__fetcher **out,
                       zj_error *err);
void zj__fetcher_free(zj__fetcher *f);

/* Called by zj__fetch_wait once req's out fields are filled. */
typedef void (*zj_fetch_done_fn)(void *user, zj__fetch_req *req);

/* Queues req, which must stay where it is (and its url alive) until its
 * callback has run: it starts as soon as its host's robots.txt, its rate
 * limit and the bounds allow.  `stage` names it for the progress
 * callback.  done (may be NULL) runs inside zj__fetch_wait, in the order of
 * submission among the requests finished at that moment, and may submit
 * more requests.  Returns 0 when out of memory: req->rc is then set and
 * done will not be called. */
int zj__fetch_submit(zj__fetcher *f, zj__fetch_req *req, const char *stage,
                    zj_fetch_done_fn done, void *user);
/* Runs until every submitted request is finished and its callback has
 * run (never fails as a whole: each request has its own outcome). */
void zj__fetch_wait(zj__fetcher *f);
/* Submits reqs[0 .. n) without callbacks and waits for them. */
void zj__fetch_many(zj__fetcher *f, zj__fetch_req *reqs, size_t n,
                   const char *stage);
void zj__fetch_req_clear(zj__fetch_req *r);

/* 1 once the refresh's deadline (o->deadline_ms) has passed: what was not
 * downloaded by then fails with an error naming the deadline. */
int zj__fetcher_past_deadline(const zj__fetcher *f);
/* How many responses could not be stored in the cache (0: all were);
 * *dir the cache directory, *why the error of the first (both live as
 * long as f). */
size_t zj__fetcher_cache_failures(const zj__fetcher *f, const char **dir, const char **why);
/* Milliseconds left before the deadline (at least 1), or 0 when there is
 * none. */
long zj__fetcher_ms_left(const zj__fetcher *f);
/* The deadline in seconds (0: none). */
long zj__fetcher_deadline_s(const zj__fetcher *f);

void zj__fetcher_stats(const zj__fetcher *f, size_t *requests,
                      size_t *from_cache, size_t *retries);

/* "host:port" of an absolute http(s) URL, lower case, into buf; 0 on
 * failure. */
int zj__url_hostport(const char *url, char *buf, size_t size);
/* `ref` resolved against `base`; NULL when either is unusable (free()). */
char *zj__url_resolve(const char *base, const char *ref);
/* Is host:port allowed (the official hosts, the base URLs', extras)? */
int zj__fetcher_host_allowed(const zj__fetcher *f, const char *url);

/* ---- fetch_cache.c ---- */
typedef struct zj__cache_entry {
    char *etag, *last_modified, *content_type;
    char *retrieved_at;     /* when it was downloaded or last revalidated */
    char *body;
    size_t len;
    long long validated;    /* the same, in seconds since the epoch (get only) */
} zj__cache_entry;

/* 1 when url is cached (fills e), 0 when not (e zeroed). */
int zj__cache_get(const char *dir, const char *url, zj__cache_entry *e);
/* Stores (atomically: temporary file, rename); 0 on failure (a cache
 * that cannot be written is not an error of the refresh).  e->body NULL:
 * updates the meta data of an entry whose body is unchanged (a 304). */
int zj__cache_put(const char *dir, const char *url, const zj__cache_entry *e);
/* Records a revalidation (a 304 with the same validators) without
 * rewriting the entry; 0 on failure. */
int zj__cache_touch(const char *dir, const char *url);
void zj__cache_entry_free(zj__cache_entry *e);
/* The default cache directory, malloc'd. */
char *zj__cache_default_dir(void);

/* ---- fetch_ratelimit.c ---- */
typedef struct zj__ratelimit zj__ratelimit;
zj__ratelimit *zj__ratelimit_new(double per_second);    /* < 0: unlimited */
void zj__ratelimit_free(zj__ratelimit *r);
/* Milliseconds until host may be contacted again (0: now). */
long zj__ratelimit_wait(zj__ratelimit *r, const char *host, long now_ms);
/* Records a request to host started at now_ms. */
void zj__ratelimit_take(zj__ratelimit *r, const char *host, long now_ms);
/* Transfers running to host: adds delta (+1 started, -1 finished) and
 * returns the new count. */
int zj__ratelimit_active(zj__ratelimit *r, const char *host, int delta);
/* Raises the interval of one host (robots.txt Crawl-delay). */
void zj__ratelimit_min_interval(zj__ratelimit *r, const char *host, long ms);

/* ---- robots.c ---- */
typedef struct zj__robots zj__robots;
/* Parses robots.txt text for the user agent "zhijiao" (its own group,
 * else "*").  NULL text: everything allowed. */
zj__robots *zj__robots_parse(const char *text, size_t len);
void zj__robots_free(zj__robots *r);
int zj__robots_allowed(const zj__robots *r, const char *path);
/* Crawl-delay in milliseconds, 0 when none. */
long zj__robots_crawl_delay_ms(const zj__robots *r);

/* The monotonic clock in milliseconds. */
long zj__now_ms(void);
/* The current UTC time as "2025-04-25T08:00:00Z" into buf (>= 21 bytes). */
void zj__utc_now(char *buf, size_t size);

#endif
