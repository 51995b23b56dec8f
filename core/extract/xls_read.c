/* xls_read.c — the worksheets of a legacy .xls (BIFF) file as grids,
 * through freexl.  freexl reads from a path, so the attachment is written
 * to a private scratch directory first, and read in a child process
 * (see zj__xls_tables).  Text comes back as UTF-8
 * whatever the file's code page (CP936 included); merged cells are empty
 * at the positions they cover, as the grid convention wants. */
#ifdef ZJ_IN_R_PACKAGE
/* Inside the R package: freexl must run in a child process (below), and an
 * R package may not fork and _exit.  The package does not refresh data
 * itself (the CLI does), so .xls reading is simply not offered there. */
#include <string.h>

#include "error_internal.h"
#include "grid.h"

zj_code zj__xls_tables(const char *data, size_t len, zj__grids *out, zj_error *err)
{
    (void)data;
    (void)len;
    memset(out, 0, sizeof *out);
    return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, NULL,
                   ("R 包内不读取 .xls 附件：请用命令行 zhijiao refresh 更新数据"),
                   (".xls attachments are not read inside the R package: refresh the data with "
                    "the zhijiao command line"));
}

#else

#include <freexl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error_internal.h"
#include "grid.h"
#include "strbuf.h"
#include "tempfile.h"

/* Sheets declaring more cells than this are refused before they are
 * scanned: a 26 KB file can declare 65536 x 256. */
#define XLS_MAX_DECLARED ((size_t)4000000)
/* The child's limits: its address space (freexl allocates the declared
 * extent), and the seconds the parent waits for it. */
#define XLS_CHILD_MAX_AS ((rlim_t)1 << 30)
#define XLS_CHILD_TIMEOUT_MS 30000

/* Exit codes of the child. */
/* decode(): the output is not what the child writes */
#define XLS_MALFORMED ((zj__grid_failure)(ZJ_GRID_TOO_BIG + 1))

enum { XLS_OK = 0, XLS_OPEN = 2, XLS_SHEET = 3, XLS_NOMEM = 4, XLS_WRITE = 5, XLS_TOO_BIG = 6 };

/* Appends the cells of the active sheet that have text, as
 * "<row> <col> <len>:<bytes>", after "G <rows> <cols> <n>\n". */
static int read_sheet(const void *h, zj__strbuf *o)
{
    unsigned int rows = 0, r;
    unsigned short cols = 0, c;
    zj__strbuf cells = ZJ_STRBUF_INIT;
    size_t n = 0, bytes = 0, maxr = 0, maxc = 0;

    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
        return XLS_SHEET;
    if ((size_t)rows * cols > XLS_MAX_DECLARED)
        return XLS_TOO_BIG;
    for (r = 0; r < rows && r < ZJ_GRID_MAX_ROWS; r++)
        for (c = 0; c < cols && c < ZJ_GRID_MAX_COLS; c++) {
            FreeXL_CellValue v;
            char num[64];
            const char *t = "";

            if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                continue;
            switch (v.type) {
            case FREEXL_CELL_INT:
                snprintf(num, sizeof num, "%d", v.value.int_value);
                t = num;
                break;
            case FREEXL_CELL_DOUBLE:
                if (isfinite(v.value.double_value) && v.value.double_value == floor(v.value.double_value) &&
                    fabs(v.value.double_value) < 1e15)
                    snprintf(num, sizeof num, "%.0f", v.value.double_value);
                else
                    snprintf(num, sizeof num, "%.15g", v.value.double_value);
                t = num;
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                t = v.value.text_value ? v.value.text_value : "";
                break;
            default:
                break;
            }
            if (!*t)
                continue;   /* empty: absent from a sparse grid */
            n++;
            bytes += strlen(t);
            if (n > ZJ_GRID_MAX_CELLS || bytes > ZJ_GRID_MAX_BYTES) {
                zj__strbuf_free(&cells);
                return XLS_TOO_BIG;
            }
            if (r + 1 > maxr)
                maxr = r + 1;
            if ((size_t)c + 1 > maxc)
                maxc = (size_t)c + 1;
            zj__strbuf_printf(&cells, "%u %u %zu:", r, (unsigned)c, strlen(t));
            zj__strbuf_puts(&cells, t);
        }
    if (n) {
        zj__strbuf_printf(o, "G %zu %zu %zu\n", maxr, maxc, n);
        zj__strbuf_append(o, cells.data, cells.len);
    }
    zj__strbuf_free(&cells);
    return cells.failed ? XLS_NOMEM : XLS_OK;
}

/* Called first in the child when a program defines it: the libFuzzer
 * target (tests/fuzz/fuzz_xls.c) uses it so that a crash of freexl in the
 * child is the child's failure, as in production, not a fuzzer finding. */
void zj__xls_child_hook(void) __attribute__((weak));

/* The child's side: reads the file with freexl and writes every grid to
 * fd (see read_sheet); the exit code says what failed. */
static int child_read(const char *path, int fd)
{
    const void *h = NULL;
    unsigned int sheets = 0, i;
    zj__strbuf b = ZJ_STRBUF_INIT;
    size_t off = 0;
    int rc;

#ifndef __SANITIZE_ADDRESS__
    {
        struct rlimit rl = { XLS_CHILD_MAX_AS, XLS_CHILD_MAX_AS };
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    if (freexl_open(path, &h) != FREEXL_OK)
        return XLS_OPEN;
    if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK)
        sheets = 0;
    for (i = 0; i < sheets && i < 256; i++) {
        if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK)
            return XLS_SHEET;
        if ((rc = read_sheet(h, &b)) != XLS_OK)
            return rc;
        if (b.len > ZJ_FILE_MAX_BYTES + ZJ_FILE_MAX_CELLS * 16)
            return XLS_TOO_BIG;
    }
    freexl_close(h);
    if (b.failed)
        return XLS_NOMEM;
    while (off < b.len) {
        ssize_t w = write(fd, b.data + off, b.len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return XLS_WRITE;
        off += (size_t)w;
    }
    return XLS_OK;
}

static int parse_size(const char **p, const char *end, char stop, size_t *out)
{
    size_t v = 0;
    int any = 0;

    while (*p < end && **p >= '0' && **p <= '9') {
        if (v > (size_t)1 << 40)
            return 0;
        v = v * 10 + (size_t)(*(*p)++ - '0');
        any = 1;
    }
    if (!any || *p >= end || **p != stop)
        return 0;
    (*p)++;
    *out = v;
    return 1;
}

/* The parent's side: the grids back from the child's output. */
static zj__grid_failure decode(const char *s, size_t len, zj__grids *out)
{
    const char *p = s, *end = s + len;

    while (p < end) {
        zj__grid_builder b;
        size_t rows, cols, n, k;

        memset(&b, 0, sizeof b);
        if (end - p < 2 || p[0] != 'G' || p[1] != ' ')
            return XLS_MALFORMED;
        p += 2;
        if (!parse_size(&p, end, ' ', &rows) || !parse_size(&p, end, ' ', &cols) ||
            !parse_size(&p, end, '\n', &n) || rows > ZJ_GRID_MAX_ROWS || cols > ZJ_GRID_MAX_COLS)
            return XLS_MALFORMED;
        for (k = 0; k < n; k++) {
            size_t r, c, l;
            if (!parse_size(&p, end, ' ', &r) || !parse_size(&p, end, ' ', &c) ||
                !parse_size(&p, end, ':', &l) || l > (size_t)(end - p) || r >= rows || c >= cols) {
                zj__grid_builder_free(&b);
                return XLS_MALFORMED;
            }
            if (!zj__grid_set(&b, r, c, p, l)) {
                zj__grid_failure why = b.failed;
                zj__grid_builder_free(&b);
                return why;
            }
            p += l;
        }
        if (!zj__grid_finish(&b, out)) {
            zj__grid_failure why = b.failed;
            zj__grid_builder_free(&b);
            return why;
        }
    }
    return ZJ_GRID_OK;
}

/* Reads the child's output into res until it closes the pipe; 0 when it
 * takes longer than the child's time limit or says too much. */
static int read_child(int fd, zj__strbuf *res)
{
    struct timespec t0, t;
    char buf[65536];

    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        struct pollfd pf = { fd, POLLIN, 0 };
        long left;
        ssize_t n;
        int pr;

        clock_gettime(CLOCK_MONOTONIC, &t);
        left = XLS_CHILD_TIMEOUT_MS - ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
        if (left <= 0)
            return 0;
        pr = poll(&pf, 1, (int)left);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0)
            return 0;
        n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 1;
        zj__strbuf_append(res, buf, (size_t)n);
        if (res->len > ZJ_FILE_MAX_BYTES + ZJ_FILE_MAX_CELLS * 32)
            return 0;
    }
}

/* freexl has crashed (heap overflows) on malformed files, and attachments
 * come from the network: it runs in a child process, so that a crash ends
 * the child, not the caller.  The child writes the grids to a pipe. */
zj_code zj__xls_tables(const char *data, size_t len, zj__grids *out, zj_error *err)
{
    char *dir = NULL, *path = NULL;
    int fds[2] = { -1, -1 }, status = 0;
    zj__strbuf res = ZJ_STRBUF_INIT;
    pid_t pid;
    zj_code rc;

    memset(out, 0, sizeof *out);
    if ((rc = zj__temp_dir(&dir, err)) || (rc = zj__temp_write(dir, "in.xls", data, len, &path, err)))
        goto out;
    if (pipe(fds) != 0) {
        rc = ZJ_FAIL(err, ZJ_ERR_IO, NULL,
                     ("无法创建管道：%s", strerror(errno)),
                     ("cannot create a pipe: %s", strerror(errno)));
        goto out;
    }
    pid = fork();
    if (pid < 0) {
        rc = ZJ_FAIL(err, ZJ_ERR_IO, NULL,
                     ("无法创建子进程：%s", strerror(errno)),
                     ("cannot fork: %s", strerror(errno)));
        goto out;
    }
    if (pid == 0) {
        close(fds[0]);
        if (zj__xls_child_hook)
            zj__xls_child_hook();
        _exit(child_read(path, fds[1]));
    }
    close(fds[1]);
    fds[1] = -1;
    if (!read_child(fds[0], &res)) {
        /* too slow or too much: the child is stopped, its output dropped */
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                     (".xls 读取器在 %d 秒内未完成或输出过多，已停止", XLS_CHILD_TIMEOUT_MS / 1000),
                     ("the .xls reader did not finish within %d s or said too much, and was stopped",
                      XLS_CHILD_TIMEOUT_MS / 1000));
        goto out;
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (res.failed) {
        rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                     ("内存不足"),
                     ("out of memory"));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == XLS_TOO_BIG) {
        rc = zj__grid_error(ZJ_GRID_TOO_BIG, ".xls 文件的工作表（或其声明的范围）",
                           "a worksheet of the .xls file (or the extent it declares)", err);
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                     ("不是有效的 .xls 文件（读取器%s）", WIFSIGNALED(status) ? "crashed" : "refused it"),
                     ("not a valid .xls file (the reader %s)",
                      WIFSIGNALED(status) ? "crashed" : "refused it"));
    } else {
        zj__grid_failure why = decode(res.data ? res.data : "", res.len, out);
        if (why != ZJ_GRID_OK) {
            zj__grids_free(out);
            rc = why == XLS_MALFORMED
                 ? ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                           (".xls 读取结果无法解析"),
                           ("the .xls reader's output is malformed"))
                 : zj__grid_error(why, ".xls 文件的工作表", "the worksheets of the .xls file", err);
        }
    }
out:
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    zj__strbuf_free(&res);
    if (dir)
        zj__temp_remove(dir);
    free(dir);
    free(path);
    return rc;
}

#endif /* ZJ_IN_R_PACKAGE */
