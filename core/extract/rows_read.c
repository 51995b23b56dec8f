/* rows_read.c — the rows of a CSV, .xlsx or .xls file (zhijiao/rows.h).
 *
 * The format is decided by the file's first bytes, not its name: officials
 * rename files, and WPS saves .xls content under .xlsx names and back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/rows.h"
#include "error_internal.h"
#include "grid.h"
#include "strbuf.h"

struct zj_rows_reader {
    zj_rows_format format;
    zj_csv_reader *csv;
    zj__grids grids;
    const zj__grid *g;       /* the chosen worksheet */
    const char **row;       /* g->cols cells of the row handed out (the grid is sparse) */
    size_t next_row, last_line;
};

static zj_rows_format sniff(const unsigned char *b, size_t n)
{
    if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
        return ZJ_ROWS_XLSX;
    if (n >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return ZJ_ROWS_XLS;
    return ZJ_ROWS_CSV;
}

/* The whole file, up to the limit. */
static zj_code slurp(FILE *fp, const char *path, zj__strbuf *b, zj_error *err)
{
    char buf[65536];
    size_t n;

    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        if (b->len + n > ZJ_ROWS_MAX_SHEET_BYTES)
            return ZJ_FAIL(err, ZJ_ERR_PARSE, path,
                           ("电子表格文件超过 %u MiB：请另存为 CSV 再读取", ZJ_ROWS_MAX_SHEET_BYTES >> 20),
                           ("the spreadsheet file is larger than %u MiB: save it as CSV to read it",
                            ZJ_ROWS_MAX_SHEET_BYTES >> 20));
        zj__strbuf_append(b, buf, n);
    }
    if (ferror(fp))
        return ZJ_FAIL(err, ZJ_ERR_IO, path, ("读取 %s 失败：%s", path, strerror(errno)),
                       ("cannot read %s: %s", path, strerror(errno)));
    if (b->failed)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, path, ("内存不足"), ("out of memory"));
    return ZJ_OK;
}

/* Whether sheet is a worksheet number (1, 2, ...) rather than a name. */
static int sheet_number(const char *sheet, size_t *k)
{
    char *end = NULL;
    unsigned long v;

    *k = 1;
    if (!sheet || !*sheet)
        return 1;
    v = strtoul(sheet, &end, 10);
    if (*sheet < '1' || *sheet > '9' || *end)
        return 0;
    *k = v;
    return 1;
}

/* The worksheet `sheet` numbers among those that hold data. */
static zj_code choose_sheet(zj_rows_reader *r, const char *path, const char *sheet, zj_error *err)
{
    size_t k;

    if (!sheet_number(sheet, &k))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument sheet",
                       (".xls 的工作表应以序号给出（1 为第一个有数据的工作表），而不是“%.64s”", sheet),
                       ("give an .xls worksheet by number (1 is the first that holds data), not "
                        "\"%.64s\"", sheet));
    if (r->grids.n == 0)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, path, ("文件中没有含数据的工作表"),
                       ("the file has no worksheet that holds data"));
    if (k > r->grids.n)
        return ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, path,
                       ("没有第 %zu 个工作表：文件中有数据的工作表只有 %zu 个", k, r->grids.n),
                       ("there is no worksheet %zu: the file has %zu worksheets that hold data", k,
                        r->grids.n));
    r->g = &r->grids.items[k - 1];
    return ZJ_OK;
}

zj_code zj_rows_open(const char *path, zj_encoding enc, const char *sheet, zj_rows_reader **out,
                     zj_error *err)
{
    zj_rows_reader *r;
    unsigned char head[8];
    size_t n = 0;
    FILE *fp = NULL;
    zj__strbuf data = ZJ_STRBUF_INIT;
    zj_code rc;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out", ("out 不能为 NULL"), ("out must not be NULL"));
    *out = NULL;
    if (!path)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument path", ("path 不能为 NULL"), ("path must not be NULL"));
    if (!(r = calloc(1, sizeof *r)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, path, ("内存不足"), ("out of memory"));
    if (strcmp(path, "-") != 0) {
        if (!(fp = fopen(path, "rb"))) {
            int e = errno;
            free(r);
            return ZJ_FAIL(err, ZJ_ERR_IO, path, ("无法打开 %s：%s", path, strerror(e)),
                           ("cannot open %s: %s", path, strerror(e)));
        }
        n = fread(head, 1, sizeof head, fp);
        r->format = sniff(head, n);
    }
    if (r->format == ZJ_ROWS_CSV) {
        if (fp)
            fclose(fp);
        if ((rc = zj_csv_open_file(path, enc, &r->csv, err)) != ZJ_OK) {
            free(r);
            return rc;
        }
        *out = r;
        return ZJ_OK;
    }
    zj__strbuf_append(&data, (const char *)head, n);
    rc = slurp(fp, path, &data, err);
    fclose(fp);
    if (rc == ZJ_OK) {
        size_t k;
        /* A name picks an .xlsx worksheet whatever its content. */
        if (r->format == ZJ_ROWS_XLSX && !sheet_number(sheet, &k))
            rc = zj__xlsx_table_named(data.data, data.len, sheet, &r->grids, err);
        else
            rc = r->format == ZJ_ROWS_XLSX ? zj__xlsx_tables(data.data, data.len, &r->grids, err)
                                            : zj__xls_tables(data.data, data.len, &r->grids, err);
        if (rc != ZJ_OK)
            zj__error_prefix_where(err, path);
        else if (r->format == ZJ_ROWS_XLSX && !sheet_number(sheet, &k))
            sheet = NULL;       /* the one grid read */
    }
    zj__strbuf_free(&data);
    if (rc == ZJ_OK)
        rc = choose_sheet(r, path, sheet, err);
    if (rc != ZJ_OK) {
        zj_rows_close(r);
        return rc;
    }
    *out = r;
    return ZJ_OK;
}

void zj_rows_close(zj_rows_reader *r)
{
    if (!r)
        return;
    zj_csv_close(r->csv);
    free(r->row);
    zj__grids_free(&r->grids);
    free(r);
}

zj_code zj_rows_next(zj_rows_reader *r, const char *const **fields, size_t *n_fields, zj_error *err)
{
    if (fields)
        *fields = NULL;
    if (n_fields)
        *n_fields = 0;
    if (!r || !fields || !n_fields)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument r", ("r、fields 和 n_fields 都不能为 NULL"),
                       ("r, fields and n_fields must not be NULL"));
    if (r->csv) {
        zj_code rc = zj_csv_next(r->csv, fields, n_fields, err);
        r->last_line = zj_csv_line(r->csv);
        return rc;
    }
    if (!r->row && r->g->cols && !(r->row = calloc(r->g->cols, sizeof *r->row)))
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
    while (r->next_row < r->g->rows) {
        size_t row = r->next_row++, c;
        int filled = 0;

        for (c = 0; c < r->g->cols; c++) {
            r->row[c] = zj__grid_cell(r->g, row, c);
            filled |= r->row[c][0] != '\0';
        }
        if (!filled)
            continue;       /* a blank row */
        r->last_line = row + 1;
        *fields = r->row;
        *n_fields = r->g->cols;
        return ZJ_OK;
    }
    return ZJ_OK;
}

size_t zj_rows_line(const zj_rows_reader *r)
{
    return r ? r->last_line : 0;
}

zj_rows_format zj_rows_file_format(const zj_rows_reader *r)
{
    return r ? r->format : ZJ_ROWS_CSV;
}
