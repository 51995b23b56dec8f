/* xlsx_out.h — a result table written as an .xlsx workbook (libxlsxwriter).
 *
 * One worksheet, a bold frozen header row, column widths given before
 * the first row, every cell text except where a number is asked for (a
 * reason is never a formula).  libxlsxwriter runs in constant-memory mode:
 * each row goes to disk as it is finished, so a million rows need no more
 * memory than one.  Errors are sticky and reported by xlsx_out_close.
 */
#ifndef ZJ_CLI_XLSX_OUT_H
#define ZJ_CLI_XLSX_OUT_H

#include <stddef.h>
#include "zhijiao.h"

typedef struct xlsx_out xlsx_out;

/* Writes to path (by name, as libxlsxwriter does).  NULL with *err set. */
xlsx_out *xlsx_out_open(const char *path, const char *sheet_name, zj_error *err);
/* Column c's width, in characters (a Chinese character counts 2). */
void xlsx_out_width(xlsx_out *x, size_t c, double width);
/* Cells of the current row, left to right. */
void xlsx_out_text(xlsx_out *x, const char *s, size_t n);
void xlsx_out_number(xlsx_out *x, double v);
void xlsx_out_header(xlsx_out *x, const char *s);   /* bold */
void xlsx_out_end_row(xlsx_out *x);
/* Finishes the workbook and frees x: 0, or -1 with *err set (the first
 * error of any call, or of writing the file). */
int xlsx_out_close(xlsx_out *x, zj_error *err);

#endif
