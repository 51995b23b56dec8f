/* refresh_config.c — refresh settings from "key = value" text.
 *
 * One vocabulary for every surface: the keys are the CLI's long options
 * without the dashes, so `zhijiao refresh --base-url U` and a line
 * `base-url = U` in refresh.conf mean the same, and the Calc add-in's
 * refresh command (which has no command line) reads the same file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/refresh.h"
#include "zhijiao/parse.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"

typedef struct strlist {
    char **v;
    size_t n;
} strlist;

/* A number-valued setting remembers whether it was set, so that applying
 * a configuration only overrides what it names. */
typedef enum num_key {
    K_RATE = 0, K_PARALLEL, K_PER_HOST, K_MAX_PAGES, K_TIMEOUT, K_RETRIES, K_DEADLINE, K_NUM
} num_key;

typedef enum flag_key { F_DRY_RUN = 0, F_OFFLINE, F_IGNORE_ROBOTS, F_ACCEPT_REMOVALS, F_NUM } flag_key;

typedef enum path_key { P_CACHE = 0, P_SNAPSHOT, P_CA, P_NUM } path_key;

struct zj_refresh_config {
    strlist base_urls, allow_hosts;
    char *path[P_NUM];
    double num[K_NUM];
    int num_set[K_NUM];
    int flag[F_NUM], flag_set[F_NUM];
};

static const char *const num_names[K_NUM] = {
    "rate-limit", "parallel", "per-host", "max-pages", "timeout", "retries", "deadline"
};
static const char *const flag_names[F_NUM] = { "dry-run", "offline", "ignore-robots", "accept-removals" };
static const char *const path_names[P_NUM] = { "cache-dir", "snapshot-dir", "ca-bundle" };

#define KEY_LIST "base-url, allow-host, cache-dir, snapshot-dir, ca-bundle, rate-limit, " \
                 "parallel, per-host, max-pages, timeout, deadline, retries, dry-run, offline, ignore-robots, " \
                 "accept-removals"

zj_refresh_config *zj_refresh_config_new(void)
{
    return calloc(1, sizeof(zj_refresh_config));
}

static void strlist_free(strlist *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void zj_refresh_config_free(zj_refresh_config *c)
{
    int i;

    if (!c)
        return;
    strlist_free(&c->base_urls);
    strlist_free(&c->allow_hosts);
    for (i = 0; i < P_NUM; i++)
        free(c->path[i]);
    free(c);
}

static zj_code strlist_add(strlist *l, const char *s, zj_error *err)
{
    char **v = realloc(l->v, (l->n + 1) * sizeof *v);
    char *copy = zj__strdup(s);

    if (v)
        l->v = v;
    if (!v || !copy) {
        free(copy);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    l->v[l->n++] = copy;
    return ZJ_OK;
}

static int find(const char *const *names, int n, const char *key)
{
    int i;

    for (i = 0; i < n; i++)
        if (strcmp(names[i], key) == 0)
            return i;
    return -1;
}

/* yes/no and numbers are read as everywhere else (zhijiao/parse.h). */
static zj_code parse_flag(const char *key, const char *value, int *out, zj_error *err)
{
    return zj_parse_bool(value, key, out, err);
}

/* Counts (parallel, per-host, max-pages, retries) are whole; the rate
 * limit and the timeout may be fractional.  A timeout is refused below a
 * millisecond, the resolution curl is given: 0.0001 s would become 0 ms,
 * which means "the default" (60 s) downstream. */
static zj_code parse_number(int k, const char *key, const char *value, double *out,
                            zj_error *err)
{
    double d;
    zj_code rc = zj_parse_number(value, key, &d, err);

    if (rc != ZJ_OK)
        return rc;
    if (d < 0 || d > 1e6)
        return ZJ_FAIL(err, ZJ_ERR_ARG, key,
                       ("%s 的值 %s 超出范围（0 至 1000000）", key, value),
                       ("%s: %s is out of range (0 to 1000000)", key, value));
    if (k != K_RATE && k != K_TIMEOUT && zj_parse_count(value, key, &d, err) != ZJ_OK)
        return ZJ_ERR_ARG;
    if (k == K_TIMEOUT && d < 0.001)
        return ZJ_FAIL(err, ZJ_ERR_ARG, key,
                       ("%s 的值 %s 太小：超时至少为 0.001 秒", key, value),
                       ("%s: %s is too small: a timeout is at least 0.001 seconds", key, value));
    *out = d;
    return ZJ_OK;
}

zj_code zj_refresh_config_set(zj_refresh_config *c, const char *key, const char *value,
                              zj_error *err)
{
    int i;

    if (!c || !key || !value)
        return ZJ_FAIL(err, ZJ_ERR_ARG, NULL,
                       ("配置、键和值都不能为空"),
                       ("the configuration, key and value must not be NULL"));
    if (strcmp(key, "base-url") == 0)
        return strlist_add(&c->base_urls, value, err);
    if (strcmp(key, "allow-host") == 0)
        return strlist_add(&c->allow_hosts, value, err);
    if ((i = find(path_names, P_NUM, key)) >= 0) {
        char *copy = zj__strdup(value);
        if (!copy)
            return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                           ("内存不足"),
                           ("out of memory"));
        free(c->path[i]);
        c->path[i] = copy;
        return ZJ_OK;
    }
    if ((i = find(num_names, K_NUM, key)) >= 0) {
        zj_code rc = parse_number(i, key, value, &c->num[i], err);
        if (rc == ZJ_OK)
            c->num_set[i] = 1;
        return rc;
    }
    if ((i = find(flag_names, F_NUM, key)) >= 0) {
        zj_code rc = parse_flag(key, value, &c->flag[i], err);
        if (rc == ZJ_OK)
            c->flag_set[i] = 1;
        return rc;
    }
    return ZJ_FAIL(err, ZJ_ERR_ARG, key,
                   ("未知的设置“%s”（可用："
                    KEY_LIST
                    "）", key),
                   ("unknown setting \"%s\" (expected one of "
                    KEY_LIST
                    ")", key));
}

/* One line: blank, "# comment", or "key = value" (spaces around both). */
static zj_code load_line(zj_refresh_config *c, char *line, zj_error *err)
{
    const char *k, *v;
    size_t kl, vl;
    char *eq;

    k = zj__trim(line, &kl);
    if (kl == 0 || *k == '#')
        return ZJ_OK;
    eq = strchr(line, '=');
    if (!eq)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                       ("应为“键 = 值”"),
                       ("expected \"key = value\""));
    *eq = '\0';
    k = zj__trim(line, &kl);
    v = zj__trim(eq + 1, &vl);
    ((char *)k)[kl] = '\0';
    ((char *)v)[vl] = '\0';
    if (kl == 0)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                       ("“=”前缺少键"),
                       ("no key before \"=\""));
    return zj_refresh_config_set(c, k, v, err);
}

zj_code zj_refresh_config_load(zj_refresh_config *c, const char *path, zj_error *err)
{
    FILE *fp;
    zj__strbuf text = ZJ_STRBUF_INIT;
    char buf[4096], *p, *nl, where[1024];
    size_t n, bad, lineno = 0;
    zj_code rc = ZJ_OK;

    if (!c || !path)
        return ZJ_FAIL(err, ZJ_ERR_ARG, NULL,
                       ("配置和路径都不能为空"),
                       ("the configuration and path must not be NULL"));
    fp = fopen(path, "rb");
    if (!fp)
        return ZJ_FAIL(err, ZJ_ERR_IO, path,
                       ("无法打开配置文件：%s", strerror(errno)),
                       ("cannot open the configuration file: %s", strerror(errno)));
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        zj__strbuf_append(&text, buf, n);
    fclose(fp);
    if (!zj__strbuf_reserve(&text, 1)) {
        zj__strbuf_free(&text);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, path,
                       ("内存不足"),
                       ("out of memory"));
    }
    text.data[text.len] = '\0';   /* an empty file has no text yet */
    p = text.data;
    if (!zj__utf8_valid(p, text.len, &bad)) {
        zj__strbuf_free(&text);
        return ZJ_FAIL(err, ZJ_ERR_ENCODING, path,
                       ("第 %zu 字节不是有效的 UTF-8", bad + 1),
                       ("byte %zu is not valid UTF-8", bad + 1));
    }
    if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (rc == ZJ_OK && *p) {
        lineno++;
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        rc = load_line(c, p, err);
        p = nl ? nl + 1 : p + strlen(p);
    }
    if (rc != ZJ_OK) {
        snprintf(where, sizeof where, "%s:%zu", path, lineno);
        zj__error_prefix_where(err, where);
    }
    zj__strbuf_free(&text);
    return rc;
}

void zj_refresh_config_apply(const zj_refresh_config *c, zj_refresh_options *o)
{
    if (!c || !o)
        return;
    if (c->base_urls.n) {
        o->base_urls = (const char *const *)c->base_urls.v;
        o->n_base_urls = c->base_urls.n;
    }
    if (c->allow_hosts.n) {
        o->allow_hosts = (const char *const *)c->allow_hosts.v;
        o->n_allow_hosts = c->allow_hosts.n;
    }
    if (c->path[P_CACHE])
        o->cache_dir = c->path[P_CACHE];
    if (c->path[P_SNAPSHOT])
        o->snapshot_dir = c->path[P_SNAPSHOT];
    if (c->path[P_CA])
        o->ca_bundle = c->path[P_CA];
    /* 0 means "the default" in the options, so "no limit" and "no retries"
     * are spelled with -1 there */
    if (c->num_set[K_RATE])
        o->rate_limit = c->num[K_RATE] == 0 ? -1 : c->num[K_RATE];
    if (c->num_set[K_PARALLEL])
        o->parallel = (int)c->num[K_PARALLEL];
    if (c->num_set[K_PER_HOST])
        o->per_host = (int)c->num[K_PER_HOST];
    if (c->num_set[K_MAX_PAGES])
        o->max_list_pages = (int)c->num[K_MAX_PAGES];
    if (c->num_set[K_TIMEOUT])
        o->total_timeout_ms = (long)ceil(c->num[K_TIMEOUT] * 1000);
    if (c->num_set[K_DEADLINE])
        o->deadline_ms = c->num[K_DEADLINE] == 0 ? -1 : (long)ceil(c->num[K_DEADLINE] * 1000);
    if (c->num_set[K_RETRIES])
        o->max_retries = c->num[K_RETRIES] == 0 ? -1 : (int)c->num[K_RETRIES];
    if (c->flag_set[F_DRY_RUN])
        o->dry_run = c->flag[F_DRY_RUN];
    if (c->flag_set[F_OFFLINE])
        o->offline = c->flag[F_OFFLINE];
    if (c->flag_set[F_IGNORE_ROBOTS])
        o->ignore_robots = c->flag[F_IGNORE_ROBOTS];
    if (c->flag_set[F_ACCEPT_REMOVALS])
        o->accept_removals = c->flag[F_ACCEPT_REMOVALS];
}

size_t zj_refresh_config_default_path(char *buf, size_t size)
{
    const char *env = getenv("ZHIJIAO_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;

    if (env && *env)
        n = snprintf(buf, size, "%s", env);
    else if (xdg && *xdg == '/')
        n = snprintf(buf, size, "%s/zhijiao/refresh.conf", xdg);
    else
        n = snprintf(buf, size, "%s/.config/zhijiao/refresh.conf", home && *home ? home : ".");
    return n < 0 ? 0 : (size_t)n;
}
