/* tempfile.c — private scratch directories (see tempfile.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error_internal.h"
#include "strbuf.h"
#include "tempfile.h"
#include "utf8.h"

zj_code zj__temp_dir(char **dir, zj_error *err)
{
    const char *t = getenv("TMPDIR");
    zj__strbuf b = ZJ_STRBUF_INIT;
    char *d;

    zj__strbuf_printf(&b, "%s/zhijiao-XXXXXX", t && *t == '/' ? t : "/tmp");
    if (!(d = zj__strbuf_take(&b)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    if (!mkdtemp(d)) {
        zj_code rc = ZJ_FAIL(err, ZJ_ERR_IO, d,
                             ("无法创建临时目录：%s", strerror(errno)),
                             ("cannot create a scratch directory: %s", strerror(errno)));
        free(d);
        return rc;
    }
    *dir = d;
    return ZJ_OK;
}

zj_code zj__temp_read(const char *path, char **data, size_t *len, zj_error *err)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    char buf[65536];
    int fd = open(path, O_RDONLY);
    ssize_t n = 0;

    *data = NULL;
    *len = 0;
    while (fd >= 0 && (n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        zj__strbuf_append(&b, buf, (size_t)n);
    }
    if (fd >= 0)
        close(fd);
    if (fd < 0 || n < 0) {
        zj__strbuf_free(&b);
        return ZJ_FAIL(err, ZJ_ERR_IO, path, ("无法读取临时文件"), ("cannot read a scratch file"));
    }
    *len = b.len;
    if (!b.data)
        zj__strbuf_append(&b, "", 0);
    if (!(*data = zj__strbuf_take(&b)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
    return ZJ_OK;
}

zj_code zj__temp_write(const char *dir, const char *name, const char *data, size_t len,
                      char **path, zj_error *err)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    char *p;
    int fd;

    zj__strbuf_printf(&b, "%s/%s", dir, name);
    if (!(p = zj__strbuf_take(&b)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
    while (fd >= 0 && len) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        data += w;
        len -= (size_t)w;
    }
    if (fd < 0 || len || close(fd) != 0) {
        zj_code rc = ZJ_FAIL(err, ZJ_ERR_IO, p,
                             ("无法写临时文件"),
                             ("cannot write a scratch file"));
        if (fd >= 0 && len)
            close(fd);
        free(p);
        return rc;
    }
    *path = p;
    return ZJ_OK;
}

static void remove_tree(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d) {
        while ((e = readdir(d)) != NULL) {
            zj__strbuf b = ZJ_STRBUF_INIT;
            char *p;
            struct stat st;

            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            zj__strbuf_printf(&b, "%s/%s", dir, e->d_name);
            if (!(p = zj__strbuf_take(&b)))
                continue;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                if (depth < 8)
                    remove_tree(p, depth + 1);
            } else {
                unlink(p);
            }
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

void zj__temp_remove(const char *dir)
{
    remove_tree(dir, 0);
}

int zj__make_dirs(const char *path)
{
    char *p = zj__strdup(path), *s;
    int ok = 1;

    if (!p)
        return 0;
    for (s = p + 1; ok && *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                ok = 0;
            *s = '/';
        }
    if (ok && mkdir(p, 0777) != 0 && errno != EEXIST)
        ok = 0;
    free(p);
    return ok;
}
