/* outfile.c — a file replaced only when the whole of it was written
 * (zhijiao/outfile.h).
 *
 * The temporary file is created beside the final one, never in /tmp:
 * rename(2) is atomic only within one file system. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "zhijiao/outfile.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"

struct zj_outfile {
    FILE *fp;
    char *final;        /* where the result goes (a link's target) */
    char *temp;         /* what is being written; == final when direct */
    int direct;         /* not a regular file: written in place */
};

static void outfile_free(zj_outfile *f)
{
    if (!f)
        return;
    if (f->temp != f->final)
        free(f->temp);
    free(f->final);
    free(f);
}

static zj_code io_fail(zj_error *err, const char *path, const char *zh, const char *en, int e)
{
    return ZJ_FAIL(err, ZJ_ERR_IO, path, ("%s：%s", zh, strerror(e)), ("%s: %s", en, strerror(e)));
}

/* The path that is to be replaced: path itself, or where its chain of
 * symbolic links ends.  A link that leads nowhere yet (a dangling link)
 * is followed to the name it gives. */
static char *resolve_final(const char *path)
{
    char *cur = zj__strdup(path);
    int hops;

    for (hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        char target[PATH_MAX];
        ssize_t n;
        zj__strbuf b = ZJ_STRBUF_INIT;
        const char *slash;

        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        n = readlink(cur, target, sizeof target - 1);
        if (n < 0)
            return cur;
        target[n] = '\0';
        slash = strrchr(cur, '/');
        if (target[0] == '/' || !slash)
            zj__strbuf_puts(&b, target);
        else
            zj__strbuf_printf(&b, "%.*s/%s", (int)(slash - cur), cur, target);
        free(cur);
        cur = zj__strbuf_take(&b);
    }
    return cur;
}

/* <dir>/.<name>.<random>.tmp, created exclusively with mode 0666 less the
 * umask, as the final file would have been. */
static int create_temp(const char *final, char **temp)
{
    const char *slash = strrchr(final, '/');
    int dirlen = slash ? (int)(slash - final) + 1 : 0;
    const char *base = slash ? slash + 1 : final;
    unsigned long seed = (unsigned long)getpid() ^ (unsigned long)time(NULL) ^ (unsigned long)(size_t)temp;
    int tries, fd = -1;

    for (tries = 0; tries < 100 && fd < 0; tries++) {
        zj__strbuf b = ZJ_STRBUF_INIT;
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        zj__strbuf_printf(&b, "%.*s.%s.%06lx.tmp", dirlen, final, base, (seed >> 20) & 0xffffff);
        if (!(*temp = zj__strbuf_take(&b))) {
            errno = ENOMEM;
            return -1;
        }
        fd = open(*temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            int e = errno;
            free(*temp);
            *temp = NULL;
            errno = e;
            if (e != EEXIST)
                return -1;
        }
    }
    return fd;
}

zj_code zj_outfile_open(const char *path, zj_outfile **out, zj_error *err)
{
    zj_outfile *f;
    struct stat st;
    int fd, e;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out", ("out 不能为 NULL"), ("out must not be NULL"));
    *out = NULL;
    if (!path || !*path)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument path", ("输出路径为空"), ("the output path is empty"));
    if (!(f = calloc(1, sizeof *f)) || !(f->final = resolve_final(path))) {
        outfile_free(f);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, path, ("内存不足"), ("out of memory"));
    }
    if (stat(f->final, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            outfile_free(f);
            return ZJ_FAIL(err, ZJ_ERR_IO, path, ("%s 是目录，不能作为输出文件", path),
                           ("%s is a directory, not a file to write", path));
        }
        /* A device or a pipe: rename would replace the node itself. */
        f->direct = 1;
        f->temp = f->final;
        if (!(f->fp = fopen(f->final, "wb"))) {
            e = errno;
            outfile_free(f);
            return io_fail(err, path, "无法写入输出文件", "cannot write the output file", e);
        }
        *out = f;
        return ZJ_OK;
    }
    if ((fd = create_temp(f->final, &f->temp)) < 0) {
        e = errno;
        outfile_free(f);
        return io_fail(err, path, "无法在输出文件所在目录中创建临时文件",
                       "cannot create a temporary file in the output file's folder", e);
    }
    if (!(f->fp = fdopen(fd, "wb"))) {
        e = errno;
        close(fd);
        unlink(f->temp);
        outfile_free(f);
        return io_fail(err, path, "无法写入输出文件", "cannot write the output file", e);
    }
    *out = f;
    return ZJ_OK;
}

FILE *zj_outfile_stream(zj_outfile *f)
{
    return f ? f->fp : NULL;
}

const char *zj_outfile_temp_path(const zj_outfile *f)
{
    return f ? f->temp : NULL;
}

void zj_outfile_abort(zj_outfile *f)
{
    if (!f)
        return;
    if (f->fp)
        fclose(f->fp);
    if (!f->direct)
        unlink(f->temp);
    outfile_free(f);
}

/* fsync of the directory holding path, so that the rename itself lasts. */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    zj__strbuf b = ZJ_STRBUF_INIT;
    char *dir;
    int fd;

    if (slash)
        zj__strbuf_printf(&b, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    else
        zj__strbuf_puts(&b, ".");
    if (!(dir = zj__strbuf_take(&b)))
        return;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

zj_code zj_outfile_commit(zj_outfile *f, zj_error *err)
{
    struct stat st;
    int fd, e = 0, bad = 0;
    zj_code rc = ZJ_OK;

    if (!f)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument f", ("f 不能为 NULL"), ("f must not be NULL"));
    if (f->fp) {
        if (fflush(f->fp) != 0 || ferror(f->fp))
            bad = 1, e = errno;
        if (!bad && !f->direct && fsync(fileno(f->fp)) != 0)
            bad = 1, e = errno;
        if (fclose(f->fp) != 0 && !bad)
            bad = 1, e = errno;
        f->fp = NULL;
    } else if (!f->direct) {
        /* Written by name (libxlsxwriter): make it durable all the same. */
        if ((fd = open(f->temp, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) != 0)
            bad = 1, e = errno;
        if (fd >= 0)
            close(fd);
    }
    if (bad) {
        rc = io_fail(err, f->final, "写输出文件失败", "writing the output file failed", e ? e : EIO);
    } else if (!f->direct) {
        /* The result keeps the permissions of the file it replaces. */
        if (stat(f->final, &st) == 0)
            chmod(f->temp, st.st_mode & 07777);
        if (rename(f->temp, f->final) != 0)
            rc = io_fail(err, f->final, "无法用新结果替换输出文件", "cannot replace the output file with the new result",
                         errno);
        else
            sync_dir(f->final);
    }
    if (rc != ZJ_OK && !f->direct)
        unlink(f->temp);
    outfile_free(f);
    return rc;
}
