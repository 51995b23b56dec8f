/* csv_out.h — a buffered RFC 4180 CSV writer.
 *
 * Built for `zhijiao batch` on a million rows: one large buffer written
 * with fwrite when full, no allocation per row or field, no flush per row.
 * Fields are quoted only when they hold a comma, a quote or a line break;
 * a field a spreadsheet would run as a formula (= + - @ first) is written
 * as text — both by the library's zj_csv_field_format.
 * Rows end with "\n".  A write error is sticky and reported by
 * csv_out_finish.
 */
#ifndef ZJ_CLI_CSV_OUT_H
#define ZJ_CLI_CSV_OUT_H

#include <stddef.h>
#include <stdio.h>

typedef struct csv_out {
    FILE *fp;
    char *buf;
    size_t len, cap;
    size_t nfield;   /* fields written in the current row */
    int failed;      /* a write to fp failed */
} csv_out;

/* cap: buffer size in bytes (at least 4096 is used).  0 or -1 (no memory). */
int csv_out_init(csv_out *w, FILE *fp, size_t cap);
/* Raw bytes, unquoted (a BOM, a pre-built line). */
void csv_out_raw(csv_out *w, const char *s, size_t n);
void csv_out_field(csv_out *w, const char *s);          /* NULL is empty */
void csv_out_field_n(csv_out *w, const char *s, size_t n);
/* The same for a field known to be NUL-terminated at s[n]: found faster
 * (the hot path of `batch`). */
void csv_out_field_nz(csv_out *w, const char *s, size_t n);
void csv_out_end_row(csv_out *w);
/* Writes what is buffered (and fflush(fp)); 0, or -1 when any write failed. */
int csv_out_flush(csv_out *w);
/* csv_out_flush, then frees the buffer; returns the flush result. */
int csv_out_finish(csv_out *w);

#endif
