/* office_convert.c — .doc and .wps attachments through LibreOffice; .pdf
 * attachments are refused with the reason.
 *
 * soffice --headless converts the file to .docx in a private scratch
 * directory, and docx_read.c reads the tables.  Every conversion has a
 * scratch directory of its own (mkdtemp) holding the input, the output and
 * the LibreOffice user profile (-env:UserInstallation): two conversions at
 * once — two refreshes, or two threads of one program — never share a
 * profile, so neither hands its file to the other's soffice, and a
 * LibreOffice the user has open is not disturbed.  soffice is started with
 * posix_spawn and an argument vector, never through a shell, in a process
 * group of its own with its output in a log file; it must finish within a
 * time limit (ZHIJIAO_SOFFICE_TIMEOUT seconds, default 120), else the whole
 * group (the soffice script, oosplash, soffice.bin) is killed and the
 * attachment is reported as not converted.
 *
 * .wps is Kingsoft WPS Writer's format: the binary Word (.doc) format with
 * extensions of its own; LibreOffice recognizes it (and Microsoft Works
 * .wps files) by content, so no import filter is forced.
 *
 * PDF: LibreOffice opens a PDF (in Draw, or in Writer through
 * writer_pdf_import) as positioned text boxes; converted to .docx it has
 * no tables at all, so there is nothing the table readers could use.
 * Rather than spend seconds on a conversion that cannot give a table, a
 * .pdf attachment is reported as such. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1       /* glibc's posix_spawn_file_actions_addclosefrom_np */
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error_internal.h"
#include "grid.h"
#include "strbuf.h"
#include "tempfile.h"
#include "utf8.h"

extern char **environ;

#define SOFFICE_TIMEOUT_DEFAULT_S 120

/* The first executable `name` on $PATH, malloc'd, or NULL. */
static char *which(const char *name)
{
    const char *path = getenv("PATH"), *p, *e;

    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    for (p = path; *p; p = *e ? e + 1 : e) {
        zj__strbuf b = ZJ_STRBUF_INIT;
        char *cand;

        e = p + strcspn(p, ":");
        if (e == p)
            continue;
        zj__strbuf_append(&b, p, (size_t)(e - p));
        zj__strbuf_printf(&b, "/%s", name);
        cand = zj__strbuf_take(&b);
        if (cand && access(cand, X_OK) == 0)
            return cand;
        free(cand);
    }
    return NULL;
}

static zj_code read_file(const char *path, char **data, size_t *len, zj_error *err)
{
    FILE *fp = fopen(path, "rb");
    zj__strbuf b = ZJ_STRBUF_INIT;
    char buf[65536];
    size_t n;

    if (!fp)
        return ZJ_FAIL(err, ZJ_ERR_IO, path,
                       ("LibreOffice 没有生成转换结果"),
                       ("LibreOffice produced no output"));
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        zj__strbuf_append(&b, buf, n);
    fclose(fp);
    if (b.failed) {
        zj__strbuf_free(&b);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    if (!b.data)
        zj__strbuf_append(&b, "", 0);
    *len = b.len;
    *data = zj__strbuf_take(&b);
    return ZJ_OK;
}

/* The last non-empty line soffice printed that says what went wrong
 * ("Error: source file could not be loaded"), into buf ("" if none). */
static void soffice_said(const char *log, char *buf, size_t size)
{
    char *text = NULL, *line, *next;
    size_t len;
    zj_error ignored;

    buf[0] = '\0';
    if (read_file(log, &text, &len, &ignored) != ZJ_OK)
        return;
    for (line = text; line && *line; line = next) {
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        /* javaldx's warning is printed on every start: not the reason */
        if (*line && !strstr(line, "javaldx"))
            snprintf(buf, size, "%s", line);
    }
    free(text);
}

/* "file://" + path, with everything but unreserved characters and '/'
 * percent-encoded (TMPDIR may hold spaces or non-ASCII), malloc'd. */
static char *file_url(const char *prefix, const char *path, const char *suffix)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    const unsigned char *p;

    zj__strbuf_puts(&b, prefix);
    zj__strbuf_puts(&b, "file://");
    for (p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '/' || *p == '-' || *p == '_' || *p == '.' || *p == '~')
            zj__strbuf_putc(&b, (char)*p);
        else
            zj__strbuf_printf(&b, "%%%02X", *p);
    }
    zj__strbuf_puts(&b, suffix);
    return zj__strbuf_take(&b);
}

static long timeout_ms(void)
{
    const char *s = getenv("ZHIJIAO_SOFFICE_TIMEOUT");
    char *end;
    double v;

    if (s && *s) {
        v = strtod(s, &end);
        if (end != s && *end == '\0' && v > 0 && v < 86400)
            return (long)(v * 1000);
    }
    return SOFFICE_TIMEOUT_DEFAULT_S * 1000L;
}

static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for the process group led by pid for at most limit ms.  Returns 1
 * with *status when it exited, 0 when it was killed for taking too long.
 * Whatever is left of the group once its leader exits (or times out) is
 * killed while the leader is still a zombie, so the group id cannot have
 * been reused by then. */
static int wait_group(pid_t pid, long limit, int *status)
{
    long deadline = now_ms() + limit, pause_ms = 5;
    siginfo_t si;
    int r;

    for (;;) {
        memset(&si, 0, sizeof si);
        r = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT);
        if (r == 0 && si.si_pid == pid)
            break;          /* exited, not yet reaped */
        if (r < 0 && errno != EINTR) {
            *status = 0;    /* reaped elsewhere (SIGCHLD ignored): judged by its output */
            return 1;
        }
        if (now_ms() >= deadline) {
            kill(-pid, SIGKILL);
            while (waitpid(pid, status, 0) < 0 && errno == EINTR)
                ;
            return 0;
        }
        {
            struct timespec ts = { 0, pause_ms * 1000000L };
            nanosleep(&ts, NULL);
        }
        if (pause_ms < 50)
            pause_ms *= 2;
    }
    kill(-pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    return 1;
}

/* Runs soffice to convert `in` to .docx in dir; ZJ_OK when it exited. */
static zj_code run_soffice(const char *soffice, const char *dir, const char *in, const char *ext,
                           long max_ms, zj_error *err)
{
    char *profile = file_url("-env:UserInstallation=", dir, "/profile");
    char *log = NULL, said[200];
    zj__strbuf lb = ZJ_STRBUF_INIT;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t none, dflt;
    char *argv[12];
    int k = 0, e, status = 0;
    long limit = timeout_ms();
    pid_t pid;

    if (max_ms > 0 && max_ms < limit)
        limit = max_ms;     /* what is left of the caller's own deadline */
    zj_code rc = ZJ_OK;

    zj__strbuf_printf(&lb, "%s/soffice.log", dir);
    log = zj__strbuf_take(&lb);
    if (!profile || !log) {
        free(profile);
        free(log);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    argv[k++] = (char *)soffice;
    argv[k++] = profile;
    argv[k++] = (char *)"--headless";
    argv[k++] = (char *)"--norestore";
    argv[k++] = (char *)"--nolockcheck";
    argv[k++] = (char *)"--convert-to";
    argv[k++] = (char *)"docx:MS Word 2007 XML";
    argv[k++] = (char *)"--outdir";
    argv[k++] = (char *)dir;
    argv[k++] = (char *)in;
    argv[k] = NULL;

    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    /* not our sockets, nor the snapshot's lock */
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
#endif
    posix_spawnattr_init(&at);
    sigemptyset(&none);
    sigemptyset(&dflt);
    sigaddset(&dflt, SIGPIPE);
    sigaddset(&dflt, SIGINT);
    sigaddset(&dflt, SIGTERM);
    sigaddset(&dflt, SIGHUP);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &dflt);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    e = posix_spawn(&pid, soffice, &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (e != 0) {
        rc = ZJ_FAIL(err, ZJ_ERR_IO, soffice,
                     ("无法启动 LibreOffice：%s", strerror(e)),
                     ("cannot start LibreOffice: %s", strerror(e)));
        goto out;
    }
    if (!wait_group(pid, limit, &status)) {
        rc = ZJ_FAIL(err, ZJ_ERR_IO, soffice,
                     ("LibreOffice 转换 .%s 文件超过 %g 秒仍未完成，已终止（时限可用环境变量 ZHIJIAO_SOFFICE_TIMEOUT 调整，单位秒）",
                      ext, (double)limit / 1000.0),
                     ("LibreOffice did not finish converting the .%s file within %g s and was stopped "
                      "(the limit is ZHIJIAO_SOFFICE_TIMEOUT, in seconds)",
                      ext, (double)limit / 1000.0));
        goto out;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        soffice_said(log, said, sizeof said);
        rc = ZJ_FAIL(err, ZJ_ERR_IO, soffice,
                     ("LibreOffice 转换 .%s 文件失败（%s）", ext, *said ? said : "?"),
                     ("LibreOffice failed to convert the .%s file (%s)", ext, *said ? said : "?"));
    }
out:
    free(profile);
    free(log);
    return rc;
}

zj_code zj__office_tables(const char *data, size_t len, const char *ext, zj__grids *out, zj_error *err)
{
    return zj__office_tables_within(data, len, ext, 0, out, err);
}

zj_code zj__office_tables_within(const char *data, size_t len, const char *ext, long max_ms, zj__grids *out,
                                zj_error *err)
{
    char *soffice, *dir = NULL, *in = NULL, *conv = NULL, *log = NULL, *docx = NULL;
    size_t docx_len = 0;
    char name[32];
    zj_code rc;

    memset(out, 0, sizeof *out);
    if (strcmp(ext, "doc") && strcmp(ext, "wps") && strcmp(ext, "pdf"))
        return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, NULL,
                       ("不支持的附件格式 .%s", ext),
                       ("unsupported attachment format .%s", ext));
    if (strcmp(ext, "pdf") == 0)
        return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, "soffice",
                       ("无法从 .pdf 附件中提取表格：LibreOffice（soffice）把 PDF 读成定位的文本框而不是表格，"
                        "因此未从此文件导入任何内容（如该通知另有 .xlsx/.docx/.doc 版本，请使用该版本）"),
                       ("tables cannot be extracted from .pdf attachments: LibreOffice (soffice) reads a PDF as "
                        "positioned text boxes, not as tables, so nothing was imported from this file (use the "
                        "notice's .xlsx/.docx/.doc edition if there is one)"));
    soffice = which("soffice");
    if (!soffice)
        soffice = which("libreoffice");
    if (!soffice)
        return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, "soffice",
                       ("读取 .%s 附件需要 LibreOffice，但找不到 soffice 命令（Debian：apt-get install libreoffice-writer）",
                        ext),
                       ("reading .%s attachments needs LibreOffice, but the soffice command was not found "
                        "(Debian: apt-get install libreoffice-writer)", ext));
    snprintf(name, sizeof name, "in.%s", ext);
    if ((rc = zj__temp_dir(&dir, err)) || (rc = zj__temp_write(dir, name, data, len, &in, err)))
        goto out;
    {
        zj__strbuf c = ZJ_STRBUF_INIT, l = ZJ_STRBUF_INIT;
        zj__strbuf_printf(&c, "%s/in.docx", dir);
        zj__strbuf_printf(&l, "%s/soffice.log", dir);
        conv = zj__strbuf_take(&c);
        log = zj__strbuf_take(&l);
    }
    if (!conv || !log) {
        rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                     ("内存不足"),
                     ("out of memory"));
        goto out;
    }
    if ((rc = run_soffice(soffice, dir, in, ext, max_ms, err)))
        goto out;
    if (access(conv, F_OK) != 0) {
        /* soffice exits 0 when it cannot load a file (or has no Writer) */
        char said[200];
        soffice_said(log, said, sizeof said);
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, soffice,
                     ("LibreOffice 无法打开此 .%s 文件（%s）：文件已损坏，或未安装 LibreOffice Writer"
                      "（Debian：libreoffice-writer）",
                      ext, *said ? said : "no output"),
                     ("LibreOffice could not open the .%s file (%s): the file is damaged, or LibreOffice "
                      "Writer is not installed (Debian: libreoffice-writer)",
                      ext, *said ? said : "no output"));
        goto out;
    }
    if ((rc = read_file(conv, &docx, &docx_len, err)))
        goto out;
    if ((rc = zj__docx_tables(docx, docx_len, out, err)))
        goto out;
    if (out->n == 0)
        /* a file that is not really a Word file is read as plain text */
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                     ("LibreOffice 读取了此 .%s 文件，但其中没有表格", ext),
                     ("LibreOffice read the .%s file, but there is no table in it", ext));
out:
    if (dir)
        zj__temp_remove(dir);
    free(dir);
    free(in);
    free(conv);
    free(log);
    free(docx);
    free(soffice);
    return rc;
}
