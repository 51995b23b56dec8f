/* snapshot_write.c — writing a new version of the snapshot and making it
 * current, atomically (the layout is described in dataset/snapshot_read.c).
 *
 * A version is written in full under versions/<v>.tmp, every file
 * fsync'ed, then renamed to versions/<v>; only then is CURRENT replaced,
 * by writing CURRENT.tmp, fsync and rename(2).  A refresh that dies at any
 * point leaves CURRENT naming the complete previous version; the next
 * refresh removes the leftovers. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "data_internal.h"
#include "error_internal.h"
#include "fetch.h"
#include "json_util.h"
#include "plan.h"
#include "strbuf.h"
#include "tempfile.h"
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

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY), rc;

    if (fd < 0)
        return -1;
    rc = fsync(fd);
    close(fd);
    return rc;
}

/* Writes path (created or truncated) and, when durable, fsyncs it. */
static zj_code write_sync(const char *path, const char *data, size_t len, int durable, zj_error *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);

    if (fd < 0)
        return ZJ_FAIL(err, ZJ_ERR_IO, path,
                       ("无法写入：%s", strerror(errno)),
                       ("cannot write: %s", strerror(errno)));
    while (len) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            return ZJ_FAIL(err, ZJ_ERR_IO, path,
                           ("写入失败：%s", strerror(e)),
                           ("write failed: %s", strerror(e)));
        }
        data += w;
        len -= (size_t)w;
    }
    if ((durable && fsync(fd) != 0) || close(fd) != 0)
        return ZJ_FAIL(err, ZJ_ERR_IO, path,
                       ("写入磁盘失败：%s", strerror(errno)),
                       ("cannot flush to disk: %s", strerror(errno)));
    return ZJ_OK;
}

/* ---- writing ----------------------------------------------------------------- */

static void csv_field(zj__strbuf *b, const char *s)
{
    if (strpbrk(s, ",\"\r\n")) {
        zj__strbuf_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                zj__strbuf_putc(b, '"');
            zj__strbuf_putc(b, *s);
        }
        zj__strbuf_putc(b, '"');
    } else {
        zj__strbuf_puts(b, s);
    }
}

static zj_code write_table_csv(const char *path, const zj__plan_rows *rows, int durable, zj_error *err)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    size_t i, k;
    zj_code rc;

    for (k = 0; k < ZJ_PC_COUNT; k++) {
        if (k)
            zj__strbuf_putc(&b, ',');
        zj__strbuf_puts(&b, zj__plan_columns[k]);
    }
    zj__strbuf_putc(&b, '\n');
    for (i = 0; i < rows->n; i++) {
        for (k = 0; k < ZJ_PC_COUNT; k++) {
            if (k)
                zj__strbuf_putc(&b, ',');
            csv_field(&b, rows->items[i].f[k] ? rows->items[i].f[k] : "");
        }
        zj__strbuf_putc(&b, '\n');
    }
    if (b.failed) {
        zj__strbuf_free(&b);
        return nomem(err);
    }
    rc = write_sync(path, b.data, b.len, durable, err);
    zj__strbuf_free(&b);
    return rc;
}

static json_t *manifest_entry(const zj__snap_table *t)
{
    json_t *e = json_object(), *cols = json_array(), *src = json_object();
    char file[300], title_en[200];
    size_t k;

    snprintf(file, sizeof file, "tables/%s.csv", t->name);
    snprintf(title_en, sizeof title_en, "%s (refreshed from the official site)", t->name);
    for (k = 0; k < ZJ_PC_COUNT; k++)
        json_array_append_new(cols, json_string(zj__plan_columns[k]));
    json_object_set_new(src, "document", json_string(t->document && *t->document ? t->document : t->title));
    if (t->date && *t->date)
        json_object_set_new(src, "date", json_string(t->date));
    if (t->url && *t->url)
        json_object_set_new(src, "url", json_string(t->url));
    if (t->title && *t->title)
        json_object_set_new(src, "title", json_string(t->title));
    json_object_set_new(e, "name", json_string(t->name));
    json_object_set_new(e, "file", json_string(file));
    json_object_set_new(e, "kind", json_string("plan"));
    json_object_set_new(e, "title_zh", json_string(t->title && *t->title ? t->title : t->name));
    json_object_set_new(e, "title_en", json_string(title_en));
    json_object_set_new(e, "source", src);
    json_object_set_new(e, "columns", cols);
    if (t->rows->aggregates) {
        json_t *audits = json_array(), *a = json_object(), *keys = json_array();
        json_array_append_new(keys, json_string("programme"));
        json_array_append_new(keys, json_string("school"));
        json_array_append_new(keys, json_string("major"));
        json_object_set_new(a, "type", json_string("sums"));
        json_object_set_new(a, "keys", keys);
        json_object_set_new(a, "value", json_string("places"));
        json_object_set_new(a, "kind_column", json_string("row_kind"));
        json_array_append_new(audits, a);
        json_object_set_new(e, "audits", audits);
    }
    return e;
}

static zj_code copy_file(const char *from, const char *to, int durable, zj_error *err)
{
    FILE *fp = fopen(from, "rb");
    zj__strbuf b = ZJ_STRBUF_INIT;
    char buf[65536];
    size_t n;
    zj_code rc;

    if (!fp)
        return ZJ_FAIL(err, ZJ_ERR_IO, from,
                       ("无法读取：%s", strerror(errno)),
                       ("cannot read: %s", strerror(errno)));
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        zj__strbuf_append(&b, buf, n);
    fclose(fp);
    if (b.failed)
        return nomem(err);
    rc = write_sync(to, b.data ? b.data : "", b.len, durable, err);
    zj__strbuf_free(&b);
    return rc;
}

zj_code zj__snapshot_write(const char *snap, const zj__snap_table *tables, size_t n,
                          const char *carry_from, int durable, char **version, char **version_dir,
                          zj_error *err)
{
    char name[96], stamp[32], *vdir = NULL, *tmp = NULL, *tdir = NULL, *path = NULL, *text = NULL;
    json_t *root = NULL, *list, *plan_years;
    struct timespec ts;
    struct tm tm;
    size_t i;
    zj_code rc = ZJ_OK;

    *version = *version_dir = NULL;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    snprintf(name, sizeof name, "v%s-%ld-%03ld", stamp, (long)getpid(), ts.tv_nsec / 1000000);
    {
        zj__strbuf b = ZJ_STRBUF_INIT;
        zj__strbuf_printf(&b, "%s/versions/%s", snap, name);
        vdir = zj__strbuf_take(&b);
        zj__strbuf_printf(&b, "%s/versions/%s.tmp", snap, name);
        tmp = zj__strbuf_take(&b);
        zj__strbuf_printf(&b, "%s/versions/%s.tmp/tables", snap, name);
        tdir = zj__strbuf_take(&b);
    }
    if (!vdir || !tmp || !tdir) {
        rc = nomem(err);
        goto out;
    }
    if (!zj__make_dirs(tdir)) {
        rc = ZJ_FAIL(err, ZJ_ERR_IO, tdir,
                     ("无法创建快照目录：%s", strerror(errno)),
                     ("cannot create the snapshot directory: %s", strerror(errno)));
        goto out;
    }
    root = json_object();
    list = json_array();
    plan_years = json_object();
    json_object_set_new(root, "schema", json_string("zhijiao-tables/1"));
    json_object_set_new(root, "plan_years", plan_years);
    json_object_set(root, "tables", list);
    json_decref(list);
    for (i = 0; i < n && rc == ZJ_OK; i++) {
        free(path);
        {
            zj__strbuf b = ZJ_STRBUF_INIT;
            zj__strbuf_printf(&b, "%s/%s.csv", tdir, tables[i].name);
            path = zj__strbuf_take(&b);
        }
        if (!path)
            rc = nomem(err);
        else if ((rc = write_table_csv(path, tables[i].rows, durable, err)) == ZJ_OK)
            json_array_append_new(list, manifest_entry(&tables[i]));
    }
    if (rc == ZJ_OK && carry_from) {
        char *mpath = join(carry_from, "tables.json");
        json_t *old = NULL, *e;
        zj_error ignore;
        size_t k;

        if (mpath && zj__json_load_file(mpath, &old, &ignore) == ZJ_OK) {
            json_array_foreach(json_object_get(old, "tables"), k, e) {
                const char *nm = json_string_value(json_object_get(e, "name"));
                const char *file = json_string_value(json_object_get(e, "file"));
                int replaced = 0;
                for (i = 0; i < n; i++)
                    if (nm && strcmp(nm, tables[i].name) == 0)
                        replaced = 1;
                if (replaced || !nm || !file || strstr(file, "..") || file[0] == '/')
                    continue;
                {
                    char *from = join(carry_from, file), *to = join(tmp, file);
                    rc = (from && to) ? copy_file(from, to, durable, err) : nomem(err);
                    free(from);
                    free(to);
                }
                if (rc)
                    break;
                json_array_append(list, e);
            }
        }
        json_decref(old);
        free(mpath);
    }
    if (rc == ZJ_OK) {
        free(path);
        path = join(tmp, "tables.json");
        text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        if (!path || !text)
            rc = nomem(err);
        else
            rc = write_sync(path, text, strlen(text), durable, err);
    }
    if (rc == ZJ_OK && ((durable && (fsync_dir(tdir) != 0 || fsync_dir(tmp) != 0)) || rename(tmp, vdir) != 0))
        rc = ZJ_FAIL(err, ZJ_ERR_IO, vdir,
                     ("无法完成快照版本：%s", strerror(errno)),
                     ("cannot complete the snapshot version: %s", strerror(errno)));
    if (rc == ZJ_OK) {
        char *vers = join(snap, "versions");
        if (vers)
            fsync_dir(vers);
        free(vers);
        *version = zj__strdup(name);
        *version_dir = vdir;
        vdir = NULL;
        if (!*version) {
            zj__snapshot_discard(*version_dir);
            free(*version_dir);
            *version_dir = NULL;
            rc = nomem(err);
        }
    } else {
        zj__temp_remove(tmp);
    }
out:
    json_decref(root);
    free(text);
    free(path);
    free(vdir);
    free(tmp);
    free(tdir);
    return rc;
}

void zj__snapshot_discard(const char *version_dir)
{
    if (version_dir)
        zj__temp_remove(version_dir);
}

static zj_code replace_pointer(const char *snap, const char *file, const char *value, zj_error *err)
{
    char *path = join(snap, file), *tmp;
    zj__strbuf b = ZJ_STRBUF_INIT;
    zj_code rc;

    zj__strbuf_printf(&b, "%s.tmp", path ? path : "");
    tmp = zj__strbuf_take(&b);
    zj__strbuf_printf(&b, "%s\n", value);
    if (!path || !tmp || b.failed) {
        free(path);
        free(tmp);
        zj__strbuf_free(&b);
        return nomem(err);
    }
    rc = write_sync(tmp, b.data, b.len, 1, err);
    if (rc == ZJ_OK && rename(tmp, path) != 0)
        rc = ZJ_FAIL(err, ZJ_ERR_IO, path,
                     ("无法替换：%s", strerror(errno)),
                     ("cannot replace: %s", strerror(errno)));
    if (rc)
        unlink(tmp);
    zj__strbuf_free(&b);
    free(path);
    free(tmp);
    return rc;
}

zj_code zj__snapshot_commit(const char *snap, const char *version, zj_error *err)
{
    char *old = zj__snapshot_current_name(snap), *vers;
    zj_code rc;
    DIR *d;
    struct dirent *e;

    if (old && strcmp(old, version) == 0) {
        free(old);
        return ZJ_OK;
    }
    /* PREVIOUS first: if we die between the two, PREVIOUS names the
     * still-current version, which is harmless. */
    if (old && (rc = replace_pointer(snap, "PREVIOUS", old, err))) {
        free(old);
        return rc;
    }
    if ((rc = replace_pointer(snap, "CURRENT", version, err))) {
        free(old);
        return rc;
    }
    fsync_dir(snap);
    /* Keep the current and the previous version; remove the rest. */
    vers = join(snap, "versions");
    if (vers && (d = opendir(vers)) != NULL) {
        while ((e = readdir(d)) != NULL) {
            char *p;
            if (e->d_name[0] == '.' || strcmp(e->d_name, version) == 0 ||
                (old && strcmp(e->d_name, old) == 0))
                continue;
            if ((p = join(vers, e->d_name)) != NULL)
                zj__temp_remove(p);
            free(p);
        }
        closedir(d);
    }
    free(vers);
    free(old);
    return ZJ_OK;
}

zj_code zj__snapshot_lock(const char *snap, int *fd, zj_error *err)
{
    char *p;

    *fd = -1;
    if (!zj__make_dirs(snap))
        return ZJ_FAIL(err, ZJ_ERR_IO, snap,
                       ("无法创建快照目录：%s", strerror(errno)),
                       ("cannot create the snapshot directory: %s", strerror(errno)));
    if (!(p = join(snap, ".lock")))
        return nomem(err);
    *fd = open(p, O_RDWR | O_CREAT, 0666);
    free(p);
    if (*fd < 0)
        return ZJ_FAIL(err, ZJ_ERR_IO, snap,
                       ("无法创建锁文件：%s", strerror(errno)),
                       ("cannot create the lock file: %s", strerror(errno)));
    if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        close(*fd);
        *fd = -1;
        return ZJ_FAIL(err, ZJ_ERR_IO, snap,
                       ("另一个更新正在进行（快照目录已加锁）"),
                       ("another refresh is running (the snapshot directory is locked)"));
    }
    return ZJ_OK;
}

void zj__snapshot_unlock(int fd)
{
    if (fd >= 0)
        close(fd);
}

zj_code zj_snapshot_rollback(const char *snapshot_dir, char **version, zj_error *err)
{
    char defdir[4096], *prev_file = NULL, *prev = NULL, *cur = NULL, *pdir = NULL;
    zj__strbuf b = ZJ_STRBUF_INIT;
    zj_data *d = NULL;
    int lock = -1;
    zj_code rc;

    zj_error_clear(err);
    if (version)
        *version = NULL;
    if (!snapshot_dir) {
        if (zj_snapshot_default_dir(defdir, sizeof defdir) >= sizeof defdir)
            return ZJ_FAIL(err, ZJ_ERR_ARG, "snapshot_dir", ("默认快照目录路径过长"),
                           ("the default snapshot directory path is too long"));
        snapshot_dir = defdir;
    }
    if ((rc = zj__snapshot_lock(snapshot_dir, &lock, err)))
        return rc;
    cur = zj__snapshot_current_name(snapshot_dir);
    prev_file = join(snapshot_dir, "PREVIOUS");
    if (prev_file) {
        FILE *fp = fopen(prev_file, "r");
        char line[256];
        if (fp && fgets(line, sizeof line, fp)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (*line && !strchr(line, '/') && !strstr(line, ".."))
                prev = zj__strdup(line);
        }
        if (fp)
            fclose(fp);
    }
    if (!prev && cur) {
        /* the first version: rolling back serves the bundled data alone
         * again (CURRENT goes, PREVIOUS keeps its name for a second
         * rollback) */
        char *cf = join(snapshot_dir, "CURRENT");
        if (!cf) {
            rc = nomem(err);
            goto out;
        }
        if ((rc = replace_pointer(snapshot_dir, "PREVIOUS", cur, err)) == ZJ_OK && unlink(cf) != 0)
            rc = ZJ_FAIL(err, ZJ_ERR_IO, cf, ("无法删除：%s", strerror(errno)), ("cannot remove: %s", strerror(errno)));
        free(cf);
        if (rc == ZJ_OK && version)
            *version = zj__strdup("");
        fsync_dir(snapshot_dir);
        goto out;
    }
    if (!prev) {
        rc = ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, snapshot_dir, ("快照没有上一个版本，无法回退"),
                     ("the snapshot has no previous version to roll back to"));
        goto out;
    }
    zj__strbuf_printf(&b, "%s/versions/%s", snapshot_dir, prev);
    if (!(pdir = zj__strbuf_take(&b))) {
        rc = nomem(err);
        goto out;
    }
    if ((rc = zj__snapshot_load(pdir, &d, err))) {
        zj__error_prefix_where(err, "previous snapshot version");
        goto out;
    }
    /* PREVIOUS first, as zj__snapshot_commit does */
    if (cur && (rc = replace_pointer(snapshot_dir, "PREVIOUS", cur, err)))
        goto out;
    if ((rc = replace_pointer(snapshot_dir, "CURRENT", prev, err)))
        goto out;
    if (!cur) {
        /* back from the bundled data alone: no version before this one */
        char *pf = join(snapshot_dir, "PREVIOUS");
        if (pf)
            unlink(pf);
        free(pf);
    }
    fsync_dir(snapshot_dir);
    if (version) {
        *version = prev;
        prev = NULL;
    }
out:
    zj_data_close(d);
    zj__snapshot_unlock(lock);
    free(prev_file);
    free(prev);
    free(cur);
    free(pdir);
    return rc;
}
