/* xlsx_out.c — .xlsx results through libxlsxwriter. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "output.h"
#include "xlsx_out.h"

/* Excel's limits: rows per sheet and characters per cell. */
#define XLSX_MAX_ROWS 1048576u
#define XLSX_MAX_CELL 32767u

struct xlsx_out {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold, *wrap;
    lxw_row_t row;
    lxw_col_t col;
    char *scratch;          /* a cell as a NUL-terminated copy */
    size_t scratch_cap;
    zj_error err;           /* the first failure */
    int failed;
};

static void fail_lxw(xlsx_out *x, lxw_error e)
{
    char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];

    if (x->failed)
        return;
    x->failed = 1;
    if (e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        zj_error_set(&x->err, ZJ_ERR_ARG, "xlsx",
                     cli_fmt(zh, sizeof zh, "结果超出 .xlsx 工作表的上限（%u 行、%u 列）：请输出为 CSV",
                             XLSX_MAX_ROWS, (unsigned)LXW_COL_MAX),
                     cli_fmt(en, sizeof en, "the result does not fit an .xlsx worksheet (%u rows, "
                             "%u columns): write CSV instead", XLSX_MAX_ROWS, (unsigned)LXW_COL_MAX));
    else
        zj_error_set(&x->err, ZJ_ERR_IO, "xlsx",
                     cli_fmt(zh, sizeof zh, "写 .xlsx 失败：%s", lxw_strerror(e)),
                     cli_fmt(en, sizeof en, "writing the .xlsx failed: %s", lxw_strerror(e)));
}

xlsx_out *xlsx_out_open(const char *path, const char *sheet_name, zj_error *err)
{
    lxw_workbook_options opt;
    xlsx_out *x = calloc(1, sizeof *x);

    if (!x) {
        zj_error_set(err, ZJ_ERR_NOMEM, "", "内存不足",
                     "out of memory");
        return NULL;
    }
    memset(&opt, 0, sizeof opt);
    opt.constant_memory = LXW_TRUE;
    opt.use_zip64 = LXW_TRUE;
    if (!(x->wb = workbook_new_opt(path, &opt)) || !(x->ws = workbook_add_worksheet(x->wb, sheet_name)) ||
        !(x->bold = workbook_add_format(x->wb)) || !(x->wrap = workbook_add_format(x->wb))) {
        zj_error_set(err, ZJ_ERR_IO, path, "无法创建 .xlsx 工作簿",
                     "cannot create the .xlsx workbook");
        if (x->wb)
            workbook_close(x->wb);
        free(x);
        return NULL;
    }
    format_set_bold(x->bold);
    format_set_text_wrap(x->bold);
    format_set_align(x->bold, LXW_ALIGN_VERTICAL_TOP);
    worksheet_freeze_panes(x->ws, 1, 0);
    return x;
}

void xlsx_out_width(xlsx_out *x, size_t c, double width)
{
    lxw_error e;

    if (x->failed || c > LXW_COL_MAX - 1)
        return;
    if ((e = worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, width, NULL)) != LXW_NO_ERROR)
        fail_lxw(x, e);
}

static const char *terminated(xlsx_out *x, const char *s, size_t n)
{
    if (n + 1 > x->scratch_cap) {
        char *p = realloc(x->scratch, n + 1);
        if (!p) {
            if (!x->failed)
                zj_error_set(&x->err, ZJ_ERR_NOMEM, "xlsx", "内存不足",
                             "out of memory");
            x->failed = 1;
            return NULL;
        }
        x->scratch = p;
        x->scratch_cap = n + 1;
    }
    memcpy(x->scratch, s, n);
    x->scratch[n] = '\0';
    return x->scratch;
}

static void put_string(xlsx_out *x, const char *s, size_t n, lxw_format *f)
{
    lxw_error e;

    if (x->failed)
        return;
    if (x->row >= XLSX_MAX_ROWS || x->col >= LXW_COL_MAX) {
        fail_lxw(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
        return;
    }
    if (n && (s = terminated(x, s, n)) != NULL &&
        (e = worksheet_write_string(x->ws, x->row, x->col, s, f)) != LXW_NO_ERROR) {
        if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
            char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];

            x->failed = 1;
            zj_error_set(&x->err, ZJ_ERR_ARG, "xlsx",
                         cli_fmt(zh, sizeof zh, "第 %u 行有超过 %u 个字符的单元格，.xlsx 放不下：请输出为 CSV",
                                 (unsigned)x->row + 1, XLSX_MAX_CELL),
                         cli_fmt(en, sizeof en, "row %u has a cell longer than %u characters, more "
                                 "than .xlsx holds: write CSV instead", (unsigned)x->row + 1,
                                 XLSX_MAX_CELL));
        } else {
            fail_lxw(x, e);
        }
    }
    x->col++;
}

void xlsx_out_text(xlsx_out *x, const char *s, size_t n)
{
    put_string(x, s, n, NULL);
}

void xlsx_out_header(xlsx_out *x, const char *s)
{
    put_string(x, s, strlen(s), x->bold);
}

void xlsx_out_number(xlsx_out *x, double v)
{
    lxw_error e;

    if (!x->failed && (e = worksheet_write_number(x->ws, x->row, x->col, v, NULL)) != LXW_NO_ERROR)
        fail_lxw(x, e);
    x->col++;
}

void xlsx_out_end_row(xlsx_out *x)
{
    x->row++;
    x->col = 0;
}

int xlsx_out_close(xlsx_out *x, zj_error *err)
{
    lxw_error e = workbook_close(x->wb);
    int rc = 0;

    if (!x->failed && e != LXW_NO_ERROR)
        fail_lxw(x, e);
    if (x->failed) {
        *err = x->err;
        rc = -1;
    }
    free(x->scratch);
    free(x);
    return rc;
}
