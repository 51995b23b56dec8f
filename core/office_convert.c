/* office_convert.c — .doc, .wps and .pdf attachments through LibreOffice.
 *
 * soffice --headless converts the file to .docx in a private scratch
 * directory (with its own user profile, so a running LibreOffice is not
 * disturbed), and docx_read.c reads the tables.  soffice is started with
 * posix_spawnp and an argument vector, never through a shell.  Without
 * LibreOffice these formats give ZJ_ERR_UNSUPPORTED naming soffice. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error_internal.h"
#include "grid.h"
#include "strbuf.h"
#include "tempfile.h"
#include "utf8.h"

extern char **environ;

/* The first executable `name` on $PATH, malloc'd, or NULL. */
static char *which(const char *name)
{
    const char *path = getenv("PATH"), *p, *e;

    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    for (p = path; *p; p = *e ? e + 1 : e) {
        zj_strbuf b = ZJ_STRBUF_INIT;
        char *cand;

        e = p + strcspn(p, ":");
        if (e == p)
            continue;
        zj_strbuf_append(&b, p, (size_t)(e - p));
        zj_strbuf_printf(&b, "/%s", name);
        cand = zj_strbuf_take(&b);
        if (cand && access(cand, X_OK) == 0)
            return cand;
        free(cand);
    }
    return NULL;
}

static zj_code read_file(const char *path, char **data, size_t *len, zj_error *err)
{
    FILE *fp = fopen(path, "rb");
    zj_strbuf b = ZJ_STRBUF_INIT;
    char buf[65536];
    size_t n;

    if (!fp)
        return zj_fail(err, ZJ_ERR_IO, path, "LibreOffice 没有生成转换结果", "LibreOffice produced no output");
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        zj_strbuf_append(&b, buf, n);
    fclose(fp);
    if (b.failed) {
        zj_strbuf_free(&b);
        return zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
    }
    if (!b.data)
        zj_strbuf_append(&b, "", 0);
    *len = b.len;
    *data = zj_strbuf_take(&b);
    return ZJ_OK;
}

zj_code zj_office_tables(const char *data, size_t len, const char *ext, zj_grids *out, zj_error *err)
{
    char *soffice = which("soffice"), *dir = NULL, *in = NULL, *conv = NULL, *profile = NULL;
    char *docx = NULL;
    size_t docx_len = 0;
    char name[32];
    pid_t pid;
    int status;
    zj_code rc;

    memset(out, 0, sizeof *out);
    if (!soffice)
        soffice = which("libreoffice");
    if (!soffice)
        return zj_fail(err, ZJ_ERR_UNSUPPORTED, "soffice",
                       "读取 %s 附件需要 LibreOffice，但找不到 soffice 命令（Debian：apt-get install libreoffice-writer-nogui）",
                       "reading %s attachments needs LibreOffice, but the soffice command was not found (Debian: apt-get install libreoffice-writer-nogui)",
                       ext);
    if (strcmp(ext, "doc") && strcmp(ext, "wps") && strcmp(ext, "pdf")) {
        free(soffice);
        return zj_fail(err, ZJ_ERR_UNSUPPORTED, NULL, "不支持的附件格式 .%s", "unsupported attachment format .%s", ext);
    }
    snprintf(name, sizeof name, "in.%s", ext);
    if ((rc = zj_temp_dir(&dir, err)) || (rc = zj_temp_write(dir, name, data, len, &in, err)))
        goto out;
    {
        zj_strbuf p = ZJ_STRBUF_INIT, c = ZJ_STRBUF_INIT;
        zj_strbuf_printf(&p, "-env:UserInstallation=file://%s/profile", dir);
        zj_strbuf_printf(&c, "%s/in.docx", dir);
        profile = zj_strbuf_take(&p);
        conv = zj_strbuf_take(&c);
    }
    if (!profile || !conv) {
        rc = zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
        goto out;
    }
    {
        char *argv[12];
        int k = 0, e;
        argv[k++] = soffice;
        argv[k++] = profile;
        argv[k++] = (char *)"--headless";
        argv[k++] = (char *)"--norestore";
        if (strcmp(ext, "pdf") == 0)
            argv[k++] = (char *)"--infilter=writer_pdf_import";
        argv[k++] = (char *)"--convert-to";
        argv[k++] = (char *)"docx:MS Word 2007 XML";
        argv[k++] = (char *)"--outdir";
        argv[k++] = dir;
        argv[k++] = in;
        argv[k] = NULL;
        e = posix_spawn(&pid, soffice, NULL, NULL, argv, environ);
        if (e != 0) {
            rc = zj_fail(err, ZJ_ERR_IO, soffice, "无法启动 LibreOffice：%s", "cannot start LibreOffice: %s",
                         strerror(e));
            goto out;
        }
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            rc = zj_fail(err, ZJ_ERR_IO, soffice, "LibreOffice 转换 .%s 失败", "LibreOffice failed to convert the .%s file",
                         ext);
            goto out;
        }
    }
    if ((rc = read_file(conv, &docx, &docx_len, err)))
        goto out;
    rc = zj_docx_tables(docx, docx_len, out, err);
out:
    if (dir)
        zj_temp_remove(dir);
    free(dir);
    free(in);
    free(conv);
    free(profile);
    free(docx);
    free(soffice);
    return rc;
}
