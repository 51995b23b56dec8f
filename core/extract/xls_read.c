/* xls_read.c — the worksheets of a legacy .xls (BIFF) file as grids,
 * through freexl.  freexl reads from a path, so the attachment is written
 * to a private scratch directory first, and read in a child process
 * (see zj_xls_tables).  Text comes back as UTF-8
 * whatever the file's code page (CP936 included); merged cells are empty
 * at the positions they cover, as the grid convention wants. */
#ifdef ZJ_IN_R_PACKAGE
/* Inside the R package: freexl must run in a child process (below), and an
 * R package may not fork and _exit.  The package does not refresh data
 * itself (the CLI does), so .xls reading is simply not offered there. */
#include <string.h>

#include "error_internal.h"
#include "grid.h"

zj_code zj_xls_tables(const char *data, size_t len, zj_grids *out, zj_error *err)
{
    (void)data;
    (void)len;
    memset(out, 0, sizeof *out);
    return zj_fail(err, ZJ_ERR_UNSUPPORTED, NULL,
                   "R 包内不读取 .xls 附件：请用命令行 zhijiao refresh 更新数据",
                   ".xls attachments are not read inside the R package: refresh the data with "
                   "the zhijiao command line");
}

#else

#include <freexl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error_internal.h"
#include "grid.h"
#include "strbuf.h"
#include "tempfile.h"

static int read_sheet(const void *h, zj_grids *out)
{
    unsigned int rows = 0, r;
    unsigned short cols = 0, c;
    zj_grid_builder b;

    memset(&b, 0, sizeof b);
    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
        return 0;
    if (rows > ZJ_GRID_MAX_ROWS || cols > ZJ_GRID_MAX_COLS)
        return 0;
    for (r = 0; r < rows; r++)
        for (c = 0; c < cols; c++) {
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
            if (!zj_grid_set(&b, r, c, t, strlen(t))) {
                zj_grid_builder_free(&b);
                return 0;
            }
        }
    if (!zj_grid_finish(&b, out)) {
        zj_grid_builder_free(&b);
        return 0;
    }
    return 1;
}

/* Called first in the child when a program defines it: the libFuzzer
 * target (tests/fuzz/fuzz_xls.c) uses it so that a crash of freexl in the
 * child is the child's failure, as in production, not a fuzzer finding. */
void zj_xls_child_hook(void) __attribute__((weak));

/* The child's side: reads the file with freexl and writes every grid to fd
 * as "G <rows> <cols>\n" followed by each cell as "<len>:<bytes>". */
static int child_read(const char *path, int fd)
{
    const void *h = NULL;
    unsigned int sheets = 0, i;
    zj_grids gs;
    zj_strbuf b = ZJ_STRBUF_INIT;
    size_t g, k, off = 0;

    memset(&gs, 0, sizeof gs);
    if (freexl_open(path, &h) != FREEXL_OK)
        return 2;
    if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK)
        sheets = 0;
    for (i = 0; i < sheets && i < 256; i++)
        if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK || !read_sheet(h, &gs))
            return 3;
    freexl_close(h);
    for (g = 0; g < gs.n; g++) {
        zj_strbuf_printf(&b, "G %zu %zu\n", gs.items[g].rows, gs.items[g].cols);
        for (k = 0; k < gs.items[g].rows * gs.items[g].cols; k++) {
            zj_strbuf_printf(&b, "%zu:", strlen(gs.items[g].cells[k]));
            zj_strbuf_puts(&b, gs.items[g].cells[k]);
        }
    }
    if (b.failed)
        return 4;
    while (off < b.len) {
        ssize_t w = write(fd, b.data + off, b.len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return 5;
        off += (size_t)w;
    }
    return 0;
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
static int decode(const char *s, size_t len, zj_grids *out)
{
    const char *p = s, *end = s + len;

    while (p < end) {
        zj_grid_builder b;
        size_t rows, cols, r, c;

        memset(&b, 0, sizeof b);
        if (end - p < 2 || p[0] != 'G' || p[1] != ' ')
            return 0;
        p += 2;
        if (!parse_size(&p, end, ' ', &rows) || !parse_size(&p, end, '\n', &cols) ||
            rows > ZJ_GRID_MAX_ROWS || cols > ZJ_GRID_MAX_COLS)
            return 0;
        for (r = 0; r < rows; r++)
            for (c = 0; c < cols; c++) {
                size_t n;
                if (!parse_size(&p, end, ':', &n) || n > (size_t)(end - p) || !zj_grid_set(&b, r, c, p, n)) {
                    zj_grid_builder_free(&b);
                    return 0;
                }
                p += n;
            }
        if (!zj_grid_finish(&b, out)) {
            zj_grid_builder_free(&b);
            return 0;
        }
    }
    return 1;
}

/* freexl has crashed (heap overflows) on malformed files, and attachments
 * come from the network: it runs in a child process, so that a crash ends
 * the child, not the caller.  The child writes the grids to a pipe. */
zj_code zj_xls_tables(const char *data, size_t len, zj_grids *out, zj_error *err)
{
    char *dir = NULL, *path = NULL;
    int fds[2] = { -1, -1 }, status = 0;
    zj_strbuf res = ZJ_STRBUF_INIT;
    pid_t pid;
    zj_code rc;

    memset(out, 0, sizeof *out);
    if ((rc = zj_temp_dir(&dir, err)) || (rc = zj_temp_write(dir, "in.xls", data, len, &path, err)))
        goto out;
    if (pipe(fds) != 0) {
        rc = zj_fail(err, ZJ_ERR_IO, NULL, "无法创建管道：%s", "cannot create a pipe: %s", strerror(errno));
        goto out;
    }
    pid = fork();
    if (pid < 0) {
        rc = zj_fail(err, ZJ_ERR_IO, NULL, "无法创建子进程：%s", "cannot fork: %s", strerror(errno));
        goto out;
    }
    if (pid == 0) {
        close(fds[0]);
        if (zj_xls_child_hook)
            zj_xls_child_hook();
        _exit(child_read(path, fds[1]));
    }
    close(fds[1]);
    fds[1] = -1;
    for (;;) {
        char buf[65536];
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        zj_strbuf_append(&res, buf, (size_t)n);
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (res.failed) {
        rc = zj_fail(err, ZJ_ERR_NOMEM, NULL, "内存不足", "out of memory");
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        rc = zj_fail(err, ZJ_ERR_PARSE, NULL, "不是有效的 .xls 文件（读取器%s）",
                     "not a valid .xls file (the reader %s)",
                     WIFSIGNALED(status) ? "crashed" : "refused it");
    } else if (!decode(res.data ? res.data : "", res.len, out)) {
        zj_grids_free(out);
        rc = zj_fail(err, ZJ_ERR_PARSE, NULL, ".xls 读取结果无法解析", "the .xls reader's output is malformed");
    }
out:
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    zj_strbuf_free(&res);
    if (dir)
        zj_temp_remove(dir);
    free(dir);
    free(path);
    return rc;
}

#endif /* ZJ_IN_R_PACKAGE */
