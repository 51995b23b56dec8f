/* zhijiao/csv.h — reading CSV files as officials save them.
 *
 * Files come from Excel, WPS and Calc: UTF-8 with or without a BOM, or
 * GB18030 (GBK) from Chinese-locale Excel.  The reader detects which
 * (ZJ_ENC_AUTO), converts to UTF-8 with iconv, and parses RFC 4180 CSV
 * with libcsv: quoted fields, embedded commas, quotes and newlines, CRLF.
 * It streams, so a file of any size is read in bounded memory.
 *
 * Detection: a UTF-8 BOM means UTF-8; otherwise the first 64 KiB decide
 * (valid UTF-8 → UTF-8, else GB18030).  An invalid byte later in a file
 * read as UTF-8 is ZJ_ERR_ENCODING naming its line, never silently
 * replaced.
 */
#ifndef ZHIJIAO_CSV_H
#define ZHIJIAO_CSV_H

#include "export.h"

#include <stddef.h>
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum zj_encoding {
    ZJ_ENC_AUTO = 0,
    ZJ_ENC_UTF8,
    ZJ_ENC_GB18030
} zj_encoding;

/* "auto", "utf-8", "gb18030" (also "gbk", "gb2312", "utf8"; any case). */
ZJ_EXTERN zj_code zj_encoding_parse(const char *name, zj_encoding *out, zj_error *err);
ZJ_EXTERN const char *zj_encoding_name(zj_encoding enc);

typedef struct zj_csv_reader zj_csv_reader;

/* path "-" is standard input.  Free with zj_csv_close. */
ZJ_EXTERN zj_code zj_csv_open_file(const char *path, zj_encoding enc,
                         zj_csv_reader **out, zj_error *err);
/* Reads from a caller-owned buffer, which must outlive the reader. */
ZJ_EXTERN zj_code zj_csv_open_memory(const char *data, size_t len, zj_encoding enc,
                           zj_csv_reader **out, zj_error *err);
ZJ_EXTERN void zj_csv_close(zj_csv_reader *r);                  /* NULL is fine */

/* Next record.  On success *fields points at *n_fields NUL-terminated
 * UTF-8 strings owned by the reader, valid until the next call.  At the
 * end of input: ZJ_OK with *fields = NULL and *n_fields = 0.  Blank lines
 * are skipped. */
ZJ_EXTERN zj_code zj_csv_next(zj_csv_reader *r, const char *const **fields,
                    size_t *n_fields, zj_error *err);

/* The physical line (1-based) on which the last record returned started. */
ZJ_EXTERN size_t zj_csv_line(const zj_csv_reader *r);
/* The encoding in use: after detection, never ZJ_ENC_AUTO. */
ZJ_EXTERN zj_encoding zj_csv_encoding(const zj_csv_reader *r);

#ifdef __cplusplus
}
#endif
#endif
