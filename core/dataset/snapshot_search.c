/* snapshot_search.c — which snapshot a reader reads when none is named.
 *
 * One machine may keep one refreshed snapshot for all its users (the
 * zhijiao-refresh service of the Debian package writes
 * /var/lib/zhijiao/snapshot); a user's own snapshot, written by their own
 * `zhijiao refresh`, takes precedence.  The order is decided here once, for
 * the CLI, the Calc add-in and the R package alike. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "zhijiao/data.h"

/* $(localstatedir)/lib/zhijiao/snapshot, set by Makefile.am */
#ifndef ZJ_SYSTEM_SNAPSHOT
#define ZJ_SYSTEM_SNAPSHOT "/var/lib/zhijiao/snapshot"
#endif

static size_t put(int n)
{
    return n < 0 ? 0 : (size_t)n;
}

size_t zj_snapshot_default_dir(char *buf, size_t size)
{
    const char *env = getenv("ZHIJIAO_SNAPSHOT"), *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

    if (env && *env)
        return put(snprintf(buf, size, "%s", env));
    if (x && *x == '/')
        return put(snprintf(buf, size, "%s/zhijiao/snapshot", x));
    return put(snprintf(buf, size, "%s/.local/share/zhijiao/snapshot",
                                   home && *home ? home : "/tmp"));
}

const char *zj_snapshot_system_dir(void)
{
    const char *env = getenv("ZHIJIAO_SYSTEM_SNAPSHOT");

    return env && *env ? env : ZJ_SYSTEM_SNAPSHOT;
}

size_t zj_snapshot_search_dir(unsigned i, char *buf, size_t size)
{
    const char *env = getenv("ZHIJIAO_SNAPSHOT");

    if (size)
        buf[0] = '\0';
    if (i == 0)
        return zj_snapshot_default_dir(buf, size);
    if (i == 1 && !(env && *env))   /* a named snapshot is the only one */
        return put(snprintf(buf, size, "%s", zj_snapshot_system_dir()));
    return 0;
}

/* A snapshot is there once its first commit wrote CURRENT. */
static int has_current(const char *dir)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/CURRENT", dir);

    return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

size_t zj_snapshot_read_dir(char *buf, size_t size)
{
    char dir[4096];
    size_t n;
    unsigned i;

    for (i = 0; (n = zj_snapshot_search_dir(i, dir, sizeof dir)) > 0; i++)
        if (n < sizeof dir && has_current(dir))
            return put(snprintf(buf, size, "%s", dir));
    return zj_snapshot_search_dir(0, buf, size);
}
