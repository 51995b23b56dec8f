/* zhijiao/refresh.h — refreshing the official plan tables from the web.
 *
 * zj_refresh_run walks the notice lists of the Beijing Municipal
 * Commission of Education (jw.beijing.gov.cn) and the Beijing Education
 * Examinations Authority (bjeea.cn), or of a mirror given as base URL,
 * finds the notices on 贯通培养 / 中高职衔接 / 招生计划, downloads their
 * attachments, extracts the tables, normalizes them into the plan schema
 * of the bundled data (data/README.md) plus the columns retrieved_at and
 * source_url, audits every table, compares it with the current snapshot
 * and, unless dry_run, replaces the snapshot atomically (the previous
 * version is kept).  zj_data_open_with_snapshot then serves the refreshed
 * tables next to the bundled ones.
 *
 * HTTP: TLS verification is always on (ca_bundle may name the CA file; it
 * cannot be switched off); only the official hosts, the hosts of the base
 * URLs and allow_hosts are contacted, redirects included; robots.txt is
 * honoured; a per-host rate limit (default 2 requests/s) applies; 429, 5xx
 * and transient network errors are retried with capped exponential backoff
 * and jitter, honouring Retry-After; responses are cached with their
 * ETag/Last-Modified under cache_dir and revalidated with conditional
 * GETs; proxies come from the usual environment variables (http_proxy,
 * https_proxy, no_proxy), as libcurl reads them.
 *
 * The library never prints: progress goes to the optional callback.
 */
#ifndef ZHIJIAO_REFRESH_H
#define ZHIJIAO_REFRESH_H

#include "export.h"

#include <stddef.h>
#include "error.h"
#include "audit.h"
#include "data.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Progress of a refresh: `stage` is "list", "article", "attachment",
 * "cache" (a notice: served from the cache while offline or after a
 * network failure), "skip" (a notice: an attachment that could not be
 * used, with the reason in `what`); done/total count the requests of
 * the stage so far (total 0 when unknown). */
typedef void (*zj_refresh_progress_fn)(void *user, const char *stage,
                                       size_t done, size_t total,
                                       const char *what);

typedef struct zj_refresh_options {
    /* Where the sites are: NULL/0 = https://jw.beijing.gov.cn and
     * https://www.bjeea.cn.  A mirror gives its own roots here, e.g.
     * "http://127.0.0.1:8080/jw" serving the jw site's paths below it. */
    const char *const *base_urls;
    size_t n_base_urls;
    /* Extra hosts that may be contacted (host or host:port). */
    const char *const *allow_hosts;
    size_t n_allow_hosts;
    const char *cache_dir;      /* NULL: $XDG_CACHE_HOME/zhijiao (~/.cache/zhijiao) */
    const char *snapshot_dir;   /* NULL: zj_snapshot_default_dir() */
    const char *ca_bundle;      /* NULL: the system's CA store */
    long connect_timeout_ms;    /* 0: 10000 */
    long total_timeout_ms;      /* per request; 0: 60000 */
    long low_speed_bytes;       /* abort below this many bytes/s ... (0: 100) */
    long low_speed_seconds;     /* ... for this long (0: 20) */
    double rate_limit;          /* requests per second per host; 0: 2; < 0: no limit */
    size_t max_body;            /* bytes; 0: 32 MiB */
    long max_redirects;         /* 0: 5 */
    int max_retries;            /* 0: 4; < 0: none */
    long max_backoff_ms;        /* cap of the backoff and of Retry-After; 0: 30000 */
    int parallel;               /* transfers at once; 0: 8 */
    int per_host;               /* transfers at once per host; 0: 4 */
    int max_list_pages;         /* list pages per column; 0: 50 */
    /* The whole refresh, downloads and conversions: what is not done by
     * then is a warning naming the deadline.  0: 300000 (5 minutes);
     * < 0: none. */
    long deadline_ms;
    int dry_run;                /* compare only, leave the snapshot alone
                                 * (needs no write access to it) */
    /* A refreshed table that would remove rows served now (a notice that
     * lists part of a plan) is held back, shown but not applied, unless
     * this is set. */
    int accept_removals;
    /* The bundled data the changes are counted against where the snapshot
     * has no table: NULL = zj_data_default_dir(). */
    const char *data_dir;
    int offline;                /* use the cache only, never the network */
    int ignore_robots;          /* for mirrors in tests only: skip robots.txt */
    zj_refresh_progress_fn progress;
    void *progress_user;
} zj_refresh_options;

#define ZJ_REFRESH_DEFAULT_DEADLINE_MS 300000L

/* Fills *o with the defaults (all zero). */
ZJ_EXTERN void zj_refresh_options_init(zj_refresh_options *o);

/* ---- refresh settings as text (refresh.conf) ---------------------------
 *
 * A configuration holds refresh settings by the names of the CLI's long
 * options: base-url and allow-host (repeatable), cache-dir, snapshot-dir,
 * ca-bundle, rate-limit (0 = no limit), parallel, per-host, max-pages,
 * timeout (seconds per request), deadline (seconds for the whole refresh,
 * 0 = none; default 300), retries (0 = none), and the yes/no
 * settings dry-run, offline, ignore-robots, accept-removals.  A file has one
 * "key = value" per line, UTF-8, '#' starts a comment line:
 *
 *     # a mirror of the commission's site, and its second host
 *     base-url = https://mirror.example.edu.cn/jw
 *     allow-host = files.example.edu.cn
 *     rate-limit = 1
 *
 * The Calc add-in's refresh command, which has no command line, reads the
 * default file; `zhijiao refresh` reads it too, and its options override
 * it. */
typedef struct zj_refresh_config zj_refresh_config;

/* An empty configuration, freed with zj_refresh_config_free; NULL when out
 * of memory. */
ZJ_EXTERN zj_refresh_config *zj_refresh_config_new(void);
ZJ_EXTERN void zj_refresh_config_free(zj_refresh_config *c);   /* NULL is fine */

/* Sets one setting (value copied).  An unknown key or a bad value is
 * ZJ_ERR_ARG naming the key and what was expected; repeatable keys add. */
ZJ_EXTERN zj_code zj_refresh_config_set(zj_refresh_config *c, const char *key,
                              const char *value, zj_error *err);

/* Adds the settings of a file.  Errors name "path:line" in err->where;
 * settings before the bad line stay set. */
ZJ_EXTERN zj_code zj_refresh_config_load(zj_refresh_config *c, const char *path,
                               zj_error *err);

/* Copies the settings that c has into *o, leaving the others as they are.
 * The strings stay owned by c: keep c alive while o is in use. */
ZJ_EXTERN void zj_refresh_config_apply(const zj_refresh_config *c, zj_refresh_options *o);

/* $ZHIJIAO_CONFIG when set and not empty, else
 * $XDG_CONFIG_HOME/zhijiao/refresh.conf (~/.config/zhijiao/refresh.conf),
 * written to buf like zj_snapshot_default_dir (zhijiao/data.h).  The file need not exist. */
ZJ_EXTERN size_t zj_refresh_config_default_path(char *buf, size_t size);

typedef struct zj_refresh_result zj_refresh_result;

/* One imported table: the normalized plan and its audit. */
typedef struct zj_refresh_table {
    const char *name;           /* "gtpy_plan_2023", "threeplustwo_2024" */
    int year;
    const char *document;       /* document number or title it came from */
    const char *source_url;     /* the attachment or article */
    const char *retrieved_at;   /* ISO 8601 UTC */
    size_t rows;                /* detail + subtotal + total rows */
    size_t aggregate_rows;      /* 小计/总计 rows among them */
    const zj_findings *findings;/* the audit; a table is imported even when it has findings */
    size_t removed;             /* rows served now that it does not have */
    int held_back;              /* 1: not applied, as it would remove rows
                                 * (see accept_removals; a warning says so) */
} zj_refresh_table;

typedef enum zj_change_kind {
    ZJ_CHANGE_ADDED = 0,
    ZJ_CHANGE_REMOVED,
    ZJ_CHANGE_CHANGED
} zj_change_kind;

/* "added", "removed", "changed" */
ZJ_EXTERN const char *zj_change_kind_name(zj_change_kind kind);

/* One row that differs from what is served now: the snapshot's table, or
 * the bundled table of that name when the snapshot has none (a first
 * refresh from a faithful copy of the bundled data has no changes).  The key is
 * row_kind|programme|school|major|partner|partner_major; before/after are
 * "places=30;major_code=700402;note=" style summaries ("" when absent). */
typedef struct zj_refresh_change {
    zj_change_kind kind;
    const char *table;
    const char *key;
    const char *before;
    const char *after;
    const char *column;     /* changed: the fields that differ, ","-joined
                             * ("places", "places,note"); "" otherwise */
} zj_refresh_change;

ZJ_EXTERN size_t zj_refresh_table_count(const zj_refresh_result *r);
ZJ_EXTERN const zj_refresh_table *zj_refresh_table_at(const zj_refresh_result *r, size_t i);
ZJ_EXTERN size_t zj_refresh_change_count(const zj_refresh_result *r);
ZJ_EXTERN const zj_refresh_change *zj_refresh_change_at(const zj_refresh_result *r, size_t i);
/* Pages and attachments that could not be used (a failed download, a
 * wrong Content-Type, an unreadable or oversized file, a format that
 * needs LibreOffice, the deadline reached, a notice read that yielded no
 * plan table), one "URL: what: English (中文)" line each, the URL
 * percent-decoded; the refresh went on without them. */
ZJ_EXTERN size_t zj_refresh_warning_count(const zj_refresh_result *r);
ZJ_EXTERN const char *zj_refresh_warning_at(const zj_refresh_result *r, size_t i);
/* Things reported that are not failures of this run and will not go away
 * by running again (a .pdf attachment, from which no table can be read;
 * it is not even downloaded), in the same form as warnings.  They do not
 * make a refresh "incomplete" the way warnings do.  The strings live as
 * long as r. */
ZJ_EXTERN size_t zj_refresh_note_count(const zj_refresh_result *r);
ZJ_EXTERN const char *zj_refresh_note_at(const zj_refresh_result *r, size_t i);

/* A warning or note in parts, for clients that show them as records. */
typedef struct zj_refresh_warning {
    const char *url;            /* the page, attachment or directory, percent-decoded */
    const char *what;           /* "list page", "notice", "attachment", "held back", "cache", ... */
    const char *message_en;
    const char *message_zh;
} zj_refresh_warning;
/* The i-th warning / note in parts (NULL when out of range); lives as
 * long as r. */
ZJ_EXTERN const zj_refresh_warning *zj_refresh_warning_info(const zj_refresh_result *r, size_t i);
ZJ_EXTERN const zj_refresh_warning *zj_refresh_note_info(const zj_refresh_result *r, size_t i);
/* Requests made, answered from the cache (304 or offline), retried. */
ZJ_EXTERN void zj_refresh_stats(const zj_refresh_result *r, size_t *requests,
                      size_t *from_cache, size_t *retries);
/* 1 when the snapshot was replaced, 0 for a dry run or when nothing changed. */
ZJ_EXTERN int zj_refresh_committed(const zj_refresh_result *r);
/* The snapshot version written (or that would have been): a directory
 * name under <snapshot_dir>/versions. */
ZJ_EXTERN const char *zj_refresh_version(const zj_refresh_result *r);
ZJ_EXTERN void zj_refresh_result_free(zj_refresh_result *r);   /* NULL is fine */

/* The whole pipeline.  On failure nothing in the snapshot directory has
 * changed and *out is NULL.  On success *out is the result, freed with
 * zj_refresh_result_free. */
ZJ_EXTERN zj_code zj_refresh_run(const zj_refresh_options *o, zj_refresh_result **out,
                       zj_error *err);

/* Makes the previous version of the snapshot in snapshot_dir (NULL:
 * zj_snapshot_default_dir()) current again, and the current one previous
 * (so a second rollback undoes the first).  Rolling back the first
 * version serves the bundled data alone again.  ZJ_ERR_NOT_FOUND when
 * there is nothing to roll back to, ZJ_ERR_PARSE when the previous
 * version cannot be read (the snapshot is then unchanged), ZJ_ERR_IO when
 * a refresh holds the lock.  *version (may be NULL) gets the version now
 * current, "" for the bundled data alone (malloc'd). */
ZJ_EXTERN zj_code zj_snapshot_rollback(const char *snapshot_dir, char **version, zj_error *err);

#ifdef __cplusplus
}
#endif
#endif
