/* zhijiao/csv.h — reading CSV files as officials save them.
 *
 * Files come from Excel, WPS and Calc: UTF-8 with or without a BOM,
 * GB18030 (GBK) from Chinese-locale Excel, or UTF-16 ("Unicode text")
 * from Windows tools.  The reader detects which (ZJ_ENC_AUTO), converts to
 * UTF-8 with iconv, and parses RFC 4180 CSV with libcsv: quoted fields,
 * embedded commas, quotes and newlines, CRLF.  It streams, so a file of
 * any size is read in bounded memory (about one 64 KiB chunk of records
 * plus the longest record).
 *
 * Detection, never a silent guess:
 *   - a byte-order mark decides: UTF-8 (one or more marks, all dropped),
 *     UTF-16LE/BE, UTF-32LE/BE — all read;
 *   - otherwise the first 64 KiB: well-formed UTF-8 → UTF-8;
 *   - not UTF-8, but some line is well-formed UTF-8 holding Chinese (a
 *     3- or 4-byte character): the file mixes encodings (a GBK cell
 *     pasted into a UTF-8 file) → ZJ_ERR_ENCODING naming the line and byte
 *     that is not UTF-8.  Reading it as either would garble part of it;
 *   - else GB18030; a later line that is such UTF-8 is the same error.
 * An invalid byte later in a file read as UTF-8 is ZJ_ERR_ENCODING naming
 * its line, never silently replaced.  An explicit encoding skips the
 * detection (and the mixed-file check).
 *
 * A quoted field left open at the end of the file is ZJ_ERR_PARSE naming
 * the line where the quote opened, never a last record that swallowed the
 * rest of the file.
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
    ZJ_ENC_GB18030,
    ZJ_ENC_UTF16LE,
    ZJ_ENC_UTF16BE,
    ZJ_ENC_UTF32LE,
    ZJ_ENC_UTF32BE
} zj_encoding;

/* "auto", "utf-8", "gb18030" (also "gbk", "gb2312", "utf8"), "utf-16le",
 * "utf-16be", "utf-32le", "utf-32be"; any case. */
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

/* ---- writing ------------------------------------------------------------
 *
 * Every CSV zhijiao writes goes through zj_csv_field_format, so that
 * quoting and the formula guard are the same everywhere.
 *
 * The formula guard: Excel, WPS and Calc run a cell that begins with
 * = + - @ (or a tab or carriage return before one) as a formula, so a
 * name like "=HYPERLINK(...)" in a candidate list would become a live
 * link or command.  Such a field is written as text: a leading apostrophe
 * (which the spreadsheets show as a text marker) and quoted, e.g.
 * "'=1+2".  A plain number (-5, +3.5, -1e-3) is written as it is.
 */

/* Non-zero when the field s[0 .. n) must be written with the guard. */
ZJ_EXTERN int zj_csv_field_guarded(const char *s, size_t n);

/* Writes the CSV form of the field s[0 .. n) (quoted when it holds a
 * comma, a quote, CR or LF or needs the guard; quotes doubled) to
 * out[0 .. size), NUL-terminated when size > 0.  Returns the length the
 * whole form needs (without the NUL), like snprintf; at most 2n + 3. */
ZJ_EXTERN size_t zj_csv_field_format(const char *s, size_t n, char *out, size_t size);

#ifdef __cplusplus
}
#endif
#endif
