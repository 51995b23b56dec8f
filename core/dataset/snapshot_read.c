/* snapshot_read.c — serving the refreshed tables: finding the current
 * version of a snapshot and laying its tables over the bundled ones.
 *
 *   <snapshot>/CURRENT              the name of the current version (one line)
 *   <snapshot>/PREVIOUS             the version it replaced (kept on disk)
 *   <snapshot>/versions/<v>/tables.json    a manifest in the bundled schema
 *   <snapshot>/versions/<v>/tables/<name>.csv
 *
 * Writing a version and replacing CURRENT atomically is the refresh
 * layer's job (refresh/snapshot_write.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_internal.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"

static zj_code nomem(zj_error *err)
{
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                   ("内存不足"),
                   ("out of memory"));
}

static char *join(const char *a, const char *b)
{
    zj__strbuf s = ZJ_STRBUF_INIT;

    zj__strbuf_printf(&s, "%s/%s", a, b);
    return zj__strbuf_take(&s);
}

static char *read_line_file(const char *path)
{
    FILE *fp = fopen(path, "r");
    char buf[256];
    size_t n;

    if (!fp)
        return NULL;
    if (!fgets(buf, sizeof buf, fp)) {
        fclose(fp);
        return NULL;
    }
    fclose(fp);
    n = strcspn(buf, "\r\n");
    buf[n] = '\0';
    /* a version name, never a path */
    if (!n || strchr(buf, '/') || strstr(buf, ".."))
        return NULL;
    return zj__strdup(buf);
}

char *zj__snapshot_current_name(const char *snapshot_dir)
{
    char *cur = join(snapshot_dir, "CURRENT"), *v = cur ? read_line_file(cur) : NULL;

    free(cur);
    return v;
}

char *zj__snapshot_current(const char *snapshot_dir)
{
    char *v = zj__snapshot_current_name(snapshot_dir), *dir = NULL;
    zj__strbuf b = ZJ_STRBUF_INIT;

    if (v) {
        zj__strbuf_printf(&b, "%s/versions/%s", snapshot_dir, v);
        dir = zj__strbuf_take(&b);
    }
    free(v);
    return dir;
}

zj_code zj__snapshot_load(const char *version_dir, zj_data **out, zj_error *err)
{
    zj_data *d = calloc(1, sizeof *d);
    zj_code rc;

    *out = NULL;
    if (!d || !(d->dir = zj__strdup(version_dir))) {
        free(d);
        return nomem(err);
    }
    if ((rc = zj__manifest_load(d, err))) {
        zj_data_close(d);
        return rc;
    }
    *out = d;
    return ZJ_OK;
}

char *zj__snapshot_served(const char *snapshot_dir, zj_data **out, zj_error *warning)
{
    char *cur = zj__snapshot_current(snapshot_dir), *prev = NULL;
    zj__strbuf b = ZJ_STRBUF_INIT;
    zj_error e;

    *out = NULL;
    zj_error_clear(warning);
    if (!cur)
        return NULL;
    zj_error_clear(&e);
    if (zj__snapshot_load(cur, out, &e) == ZJ_OK)
        return cur;
    /* the current version is damaged: the previous one, if it loads */
    {
        char *pf = join(snapshot_dir, "PREVIOUS"), *pv = pf ? read_line_file(pf) : NULL;
        free(pf);
        if (pv) {
            zj__strbuf_printf(&b, "%s/versions/%s", snapshot_dir, pv);
            prev = zj__strbuf_take(&b);
        }
        free(pv);
    }
    if (prev && zj__snapshot_load(prev, out, warning) == ZJ_OK) {
        (void)ZJ_FAIL(warning, e.code, e.where,
                      ("快照的当前版本无法读取（%s），改用上一个版本", e.message_zh),
                      ("the current snapshot version cannot be read (%s); the previous version is served "
                       "instead", e.message_en));
        free(cur);
        return prev;
    }
    (void)ZJ_FAIL(warning, e.code, e.where,
                  ("快照的当前版本无法读取（%s），也没有可读的上一个版本：只使用随附数据", e.message_zh),
                  ("the current snapshot version cannot be read (%s), and there is no readable previous "
                   "version: the bundled data alone is served", e.message_en));
    free(prev);
    free(cur);
    return NULL;
}

const zj_error *zj_data_warning(const zj_data *data)
{
    return data && data->warning.code != ZJ_OK ? &data->warning : NULL;
}

zj_code zj_data_open_with_snapshot(const char *dir, const char *snapshot_dir, zj_data **out,
                                   zj_error *err)
{
    zj_data *d, *s = NULL;
    char *cur, defdir[4096];
    size_t i, j;
    zj_code rc;

    if ((rc = zj_data_open(dir, out, err)))
        return rc;
    d = *out;
    if (!snapshot_dir) {
        if (zj_snapshot_read_dir(defdir, sizeof defdir) >= sizeof defdir)
            return ZJ_OK;   /* a path that long cannot be ours */
        snapshot_dir = defdir;
    }
    cur = zj__snapshot_served(snapshot_dir, &s, &d->warning);
    free(cur);
    if (!s)
        return ZJ_OK;
    {
        zj_table **t = realloc(d->tables, (d->n_tables + s->n_tables + 1) * sizeof *t);
        if (!t) {
            zj_data_close(s);
            zj_data_close(d);
            *out = NULL;
            return nomem(err);
        }
        d->tables = t;
    }
    for (i = 0; i < s->n_tables; i++) {
        for (j = 0; j < d->n_tables; j++)
            if (strcmp(d->tables[j]->name, s->tables[i]->name) == 0)
                break;
        if (j < d->n_tables) {
            zj__table_free(d->tables[j]);   /* the refreshed table replaces the bundled one */
            d->tables[j] = s->tables[i];
        } else {
            d->tables[d->n_tables++] = s->tables[i];
        }
        s->tables[i] = NULL;
    }
    s->n_tables = 0;
    zj_data_close(s);
    return ZJ_OK;
}

zj_code zj_data_open_default(zj_data **out, zj_error *err)
{
    return zj_data_open_with_snapshot(zj_data_default_dir(), NULL, out, err);
}
