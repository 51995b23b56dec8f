/* fetch_cache.c — the conditional-GET cache of the refresh pipeline.
 *
 * One entry per URL under the cache directory: <hash>.meta (the URL and
 * the validators, one "key<TAB>value" line each) and <hash>.body.  Both
 * are written to a temporary file and renamed into place, so a reader sees
 * an old entry or a new one, never half of one; the URL stored in the meta
 * file must match, so a hash collision is a miss. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fetch.h"
#include "strbuf.h"
#include "tempfile.h"
#include "utf8.h"

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;

    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static char *entry_path(const char *dir, const char *url, const char *ext)
{
    zj_strbuf b = ZJ_STRBUF_INIT;

    zj_strbuf_printf(&b, "%s/%016llx%s", dir, (unsigned long long)fnv1a(url), ext);
    return zj_strbuf_take(&b);
}

char *zj_cache_default_dir(void)
{
    const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    zj_strbuf b = ZJ_STRBUF_INIT;

    if (x && *x == '/')
        zj_strbuf_printf(&b, "%s/zhijiao", x);
    else
        zj_strbuf_printf(&b, "%s/.cache/zhijiao", home && *home ? home : "/tmp");
    return zj_strbuf_take(&b);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    zj_strbuf b = ZJ_STRBUF_INIT;
    char buf[65536];
    size_t n;

    *len = 0;
    if (!fp)
        return NULL;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        zj_strbuf_append(&b, buf, n);
    if (ferror(fp) || b.failed) {
        fclose(fp);
        zj_strbuf_free(&b);
        return NULL;
    }
    fclose(fp);
    if (!b.data)
        zj_strbuf_append(&b, "", 0);
    *len = b.len;
    return zj_strbuf_take(&b);
}

static int write_atomic(const char *path, const char *data, size_t len)
{
    zj_strbuf tmp = ZJ_STRBUF_INIT;
    char *t;
    int fd, ok;

    zj_strbuf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    if (!(t = zj_strbuf_take(&tmp)))
        return 0;
    fd = open(t, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    ok = fd >= 0;
    while (ok && len) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            ok = 0;
        else {
            data += w;
            len -= (size_t)w;
        }
    }
    if (fd >= 0 && close(fd) != 0)
        ok = 0;
    if (ok && rename(t, path) != 0)
        ok = 0;
    if (!ok)
        unlink(t);
    free(t);
    return ok;
}

void zj_cache_entry_free(zj_cache_entry *e)
{
    free(e->etag);
    free(e->last_modified);
    free(e->content_type);
    free(e->retrieved_at);
    free(e->body);
    memset(e, 0, sizeof *e);
}

int zj_cache_get(const char *dir, const char *url, zj_cache_entry *e)
{
    char *mp = entry_path(dir, url, ".meta"), *bp = entry_path(dir, url, ".body");
    char *meta = NULL, *line, *next;
    size_t mlen;
    int url_ok = 0;

    memset(e, 0, sizeof *e);
    if (!mp || !bp || !(meta = read_all(mp, &mlen)))
        goto miss;
    for (line = meta; line && *line; line = next) {
        char *tab, *nl = strchr(line, '\n');

        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        if (!(tab = strchr(line, '\t')))
            continue;
        *tab++ = '\0';
        if (strcmp(line, "url") == 0)
            url_ok = strcmp(tab, url) == 0;
        else if (strcmp(line, "etag") == 0)
            e->etag = zj_strdup(tab);
        else if (strcmp(line, "last-modified") == 0)
            e->last_modified = zj_strdup(tab);
        else if (strcmp(line, "content-type") == 0)
            e->content_type = zj_strdup(tab);
        else if (strcmp(line, "retrieved-at") == 0)
            e->retrieved_at = zj_strdup(tab);
    }
    if (!url_ok || !(e->body = read_all(bp, &e->len)))
        goto miss;
    free(meta);
    free(mp);
    free(bp);
    return 1;
miss:
    zj_cache_entry_free(e);
    free(meta);
    free(mp);
    free(bp);
    return 0;
}

static void put_line(zj_strbuf *b, const char *key, const char *v)
{
    const char *p;

    if (!v || !*v)
        return;
    zj_strbuf_puts(b, key);
    zj_strbuf_putc(b, '\t');
    for (p = v; *p; p++)   /* header values cannot hold newlines; be sure */
        zj_strbuf_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p);
    zj_strbuf_putc(b, '\n');
}

int zj_cache_put(const char *dir, const char *url, const zj_cache_entry *e)
{
    char *mp, *bp;
    zj_strbuf m = ZJ_STRBUF_INIT;
    int ok = 0;

    if (!dir || !zj_make_dirs(dir))
        return 0;
    mp = entry_path(dir, url, ".meta");
    bp = entry_path(dir, url, ".body");
    put_line(&m, "url", url);
    put_line(&m, "etag", e->etag);
    put_line(&m, "last-modified", e->last_modified);
    put_line(&m, "content-type", e->content_type);
    put_line(&m, "retrieved-at", e->retrieved_at);
    /* The body first: a meta file never points at a missing body.  No body
     * (a 304 revalidation): only the validators and the time change. */
    if (mp && bp && !m.failed && (!e->body || write_atomic(bp, e->body, e->len)))
        ok = write_atomic(mp, m.data ? m.data : "", m.len);
    zj_strbuf_free(&m);
    free(mp);
    free(bp);
    return ok;
}
