/* fetch_cache.c — the conditional-GET cache of the refresh pipeline.
 *
 * One entry per URL under the cache directory: <hash>.meta (the URL and
 * the validators, one "key<TAB>value" line each) and <hash>.body.  Both
 * are written to a temporary file and renamed into place, so a reader sees
 * an old entry or a new one, never half of one; the URL stored in the meta
 * file must match, so a hash collision is a miss.
 *
 * A revalidation (304) with unchanged validators only touches the meta
 * file: its modification time is when the entry was last validated.
 * Rewriting it instead would cost, on every 304, a new inode, the rename
 * over the old one (which ext4 turns into a flush of the new file's data)
 * and freeing the old one — most of a warm refresh's system time. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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
    zj__strbuf b = ZJ_STRBUF_INIT;

    zj__strbuf_printf(&b, "%s/%016llx%s", dir, (unsigned long long)fnv1a(url), ext);
    return zj__strbuf_take(&b);
}

char *zj__cache_default_dir(void)
{
    const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    zj__strbuf b = ZJ_STRBUF_INIT;

    if (x && *x == '/')
        zj__strbuf_printf(&b, "%s/zhijiao", x);
    else
        zj__strbuf_printf(&b, "%s/.cache/zhijiao", home && *home ? home : "/tmp");
    return zj__strbuf_take(&b);
}

/* The whole file (NUL-terminated), or NULL; *st is its status. */
static char *read_all(const char *path, size_t *len, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    char *buf = NULL;
    size_t have = 0, cap;

    *len = 0;
    if (fd < 0)
        return NULL;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || st->st_size < 0)
        goto fail;
    cap = (size_t)st->st_size + 1;          /* one more: EOF is seen without a realloc */
    if (!(buf = malloc(cap + 1)))
        goto fail;
    for (;;) {
        ssize_t n = read(fd, buf + have, cap - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            goto fail;
        if (n == 0)
            break;
        have += (size_t)n;
        if (have == cap) {                  /* it grew meanwhile */
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb)
                goto fail;
            buf = nb;
            cap *= 2;
        }
    }
    close(fd);
    buf[have] = '\0';
    *len = have;
    return buf;
fail:
    free(buf);
    close(fd);
    return NULL;
}

/* 1 on success; 0 with errno set. */
static int write_atomic(const char *path, const char *data, size_t len)
{
    zj__strbuf tmp = ZJ_STRBUF_INIT;
    char *t;
    int fd, ok, saved;

    zj__strbuf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    if (!(t = zj__strbuf_take(&tmp))) {
        errno = ENOMEM;
        return 0;
    }
    fd = open(t, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
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
    saved = errno;
    if (!ok && fd >= 0)
        unlink(t);
    free(t);
    errno = saved;
    return ok;
}

void zj__cache_entry_free(zj__cache_entry *e)
{
    free(e->etag);
    free(e->last_modified);
    free(e->content_type);
    free(e->retrieved_at);
    free(e->body);
    memset(e, 0, sizeof *e);
}

int zj__cache_get(const char *dir, const char *url, zj__cache_entry *e)
{
    char *mp = entry_path(dir, url, ".meta"), *bp = entry_path(dir, url, ".body");
    char *meta = NULL, *line, *next;
    size_t mlen;
    struct stat mst, bst;
    int url_ok = 0;

    memset(e, 0, sizeof *e);
    if (!mp || !bp || !(meta = read_all(mp, &mlen, &mst)))
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
            e->etag = zj__strdup(tab);
        else if (strcmp(line, "last-modified") == 0)
            e->last_modified = zj__strdup(tab);
        else if (strcmp(line, "content-type") == 0)
            e->content_type = zj__strdup(tab);
        else if (strcmp(line, "retrieved-at") == 0)
            e->retrieved_at = zj__strdup(tab);
    }
    if (!url_ok || !(e->body = read_all(bp, &e->len, &bst)))
        goto miss;
    /* The last validation: the meta file's time when a 304 touched it
     * since (both are "YYYY-MM-DDTHH:MM:SSZ", so they compare as text). */
    e->validated = mst.st_mtime;
    {
        char touched[32];
        struct tm tm;
        time_t t = mst.st_mtime;
        if (gmtime_r(&t, &tm) && strftime(touched, sizeof touched, "%Y-%m-%dT%H:%M:%SZ", &tm) &&
            (!e->retrieved_at || strcmp(touched, e->retrieved_at) > 0)) {
            char *n = zj__strdup(touched);
            if (n) {
                free(e->retrieved_at);
                e->retrieved_at = n;
            }
        }
    }
    free(meta);
    free(mp);
    free(bp);
    return 1;
miss:
    zj__cache_entry_free(e);
    free(meta);
    free(mp);
    free(bp);
    return 0;
}

static void put_line(zj__strbuf *b, const char *key, const char *v)
{
    const char *p;

    if (!v || !*v)
        return;
    zj__strbuf_puts(b, key);
    zj__strbuf_putc(b, '\t');
    for (p = v; *p; p++)   /* header values cannot hold newlines; be sure */
        zj__strbuf_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p);
    zj__strbuf_putc(b, '\n');
}

int zj__cache_put(const char *dir, const char *url, const zj__cache_entry *e)
{
    char *mp, *bp;
    zj__strbuf m = ZJ_STRBUF_INIT;
    int ok = 0, tries;

    if (!dir)
        return 0;
    mp = entry_path(dir, url, ".meta");
    bp = entry_path(dir, url, ".body");
    put_line(&m, "url", url);
    put_line(&m, "etag", e->etag);
    put_line(&m, "last-modified", e->last_modified);
    put_line(&m, "content-type", e->content_type);
    put_line(&m, "retrieved-at", e->retrieved_at);
    /* The body first: a meta file never points at a missing body.  No body
     * (a 304 whose validators changed): only the meta data.  The directory
     * is created when the first write finds it missing. */
    for (tries = 0; !ok && tries < 2 && mp && bp && !m.failed; tries++) {
        ok = (!e->body || write_atomic(bp, e->body, e->len)) && write_atomic(mp, m.data ? m.data : "", m.len);
        if (!ok && (errno != ENOENT || !zj__make_dirs(dir)))
            break;
    }
    zj__strbuf_free(&m);
    free(mp);
    free(bp);
    return ok;
}

int zj__cache_touch(const char *dir, const char *url)
{
    char *mp = dir ? entry_path(dir, url, ".meta") : NULL;
    int ok = mp && utimensat(AT_FDCWD, mp, NULL, 0) == 0;

    free(mp);
    return ok;
}
