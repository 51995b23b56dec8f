/* zhijiao/rows.h — the rows of a table file: CSV, .xlsx or .xls.
 *
 * Officials keep candidate lists in Excel or WPS and should not have to
 * save them as CSV first.  zj_rows_open looks at the file's first bytes:
 * a zip container is read as .xlsx, an OLE2 compound file as .xls (the
 * same readers the refresh uses, core/extract/), anything else as CSV
 * through zj_csv_open_file (encodings as zhijiao/csv.h describes).
 * Standard input ("-") is always CSV.
 *
 * A spreadsheet is read whole (at most ZJ_ROWS_MAX_SHEET_BYTES of file,
 * and the grid limits of the readers: 100,000 rows, 256 columns); a CSV
 * streams in bounded memory.  Cells come back as UTF-8 text: numbers as
 * the spreadsheet shows them without grouping ("520", "0.5"), white space
 * trimmed; rows whose cells are all empty are skipped, as blank CSV lines
 * are.
 */
#ifndef ZHIJIAO_ROWS_H
#define ZHIJIAO_ROWS_H

#include <stddef.h>

#include "export.h"
#include "error.h"
#include "csv.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ZJ_ROWS_MAX_SHEET_BYTES (64u * 1024u * 1024u)

typedef enum zj_rows_format {
    ZJ_ROWS_CSV = 0,
    ZJ_ROWS_XLSX,
    ZJ_ROWS_XLS
} zj_rows_format;

typedef struct zj_rows_reader zj_rows_reader;

/* Opens path ("-": standard input, CSV).  enc applies to CSV only.
 * sheet: NULL or "" for the first worksheet that holds data, "N" for
 * the N-th (1-based) worksheet that holds data, or (.xlsx only) the name
 * on a worksheet's tab; ignored for CSV.  The
 * reader is the caller's, freed with zj_rows_close.  Errors: ZJ_ERR_IO
 * (cannot open or read), ZJ_ERR_PARSE (not a readable spreadsheet, or
 * the named worksheet is empty), ZJ_ERR_NOT_FOUND (no such worksheet;
 * the message lists the names), ZJ_ERR_ARG (a name for an .xls),
 * ZJ_ERR_UNSUPPORTED (.xls inside the R package), and those of
 * zj_csv_open_file. */
ZJ_EXTERN zj_code zj_rows_open(const char *path, zj_encoding enc, const char *sheet,
                               zj_rows_reader **out, zj_error *err);
ZJ_EXTERN void zj_rows_close(zj_rows_reader *r);     /* NULL is fine */

/* Next row, as zj_csv_next: the fields are owned by the reader and valid
 * until the next call; *fields NULL at the end.  Every row of a
 * spreadsheet has the same number of fields. */
ZJ_EXTERN zj_code zj_rows_next(zj_rows_reader *r, const char *const **fields,
                               size_t *n_fields, zj_error *err);

/* Where the last row returned is: the CSV line it started on, or the
 * spreadsheet's row number (1-based). */
ZJ_EXTERN size_t zj_rows_line(const zj_rows_reader *r);
ZJ_EXTERN zj_rows_format zj_rows_file_format(const zj_rows_reader *r);

#ifdef __cplusplus
}
#endif
#endif
