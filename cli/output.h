/* output.h — how the commands print: errors, aligned text tables, CSV and
 * JSON, in the format and language the global options chose.
 */
#ifndef ZJ_CLI_OUTPUT_H
#define ZJ_CLI_OUTPUT_H

#include <stdio.h>
#include <jansson.h>
#include "cli.h"

/* ---- errors --------------------------------------------------------------- */

/* printf into buf (at most size bytes) and return buf: each language of
 * an error formatted with its own arguments, for zj_error_set:
 *     char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
 *     zj_error_set(&err, ZJ_ERR_IO, path, cli_fmt(zh, sizeof zh, "无法写入（%s）", e),
 *                  cli_fmt(en, sizeof en, "cannot write (%s)", e));
 * (zj_error_set cuts the texts to whole characters.) */
#define CLI_MSG_MAX (2 * ZJ_ERROR_TEXT_MAX)
const char *cli_fmt(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Reports an error: always as text on stderr (both languages and where),
 * and also as {"error": {...}} on stdout with --format json.  Returns
 * CLI_EXIT_ERROR so callers can `return out_error(...)`. */
int out_error(const cli_ctx *ctx, const zj_error *err);
/* Prints err to stderr as a warning (both languages); the run goes on. */
void out_warning(const zj_error *err);

/* "out of memory", reported like out_error; returns CLI_EXIT_ERROR. */
int out_nomem(const cli_ctx *ctx);

/* A usage error of command `cmd` (NULL: the top level): reported like
 * out_error with code "argument", plus a hint to ask for --help.  Each
 * language is formatted with its own arguments, checked by the compiler
 * against its own format (as ZJ_FAIL in the core):
 *     return OUT_USAGE(ctx, "rate", "--n", ("--n 缺少值（%s）", a),
 *                      ("--n needs a value (%s)", a));
 * Returns CLI_EXIT_ERROR. */
#define OUT_USAGE(ctx, cmd, where, zh, en)                                    \
    out_usage_text((ctx), (cmd), (where), OUT__MSG zh, OUT__MSG en)
/* One language of OUT_USAGE, formatted into a buffer of its own that lives
 * to the end of the enclosing block. */
#define OUT__MSG(...) cli_fmt((char[CLI_MSG_MAX]){0}, CLI_MSG_MAX, __VA_ARGS__)

/* OUT_USAGE with both texts already worded (e.g. taken from a zj_error). */
int out_usage_text(const cli_ctx *ctx, const char *cmd, const char *where,
                   const char *zh, const char *en);


/* The "did you mean" tail of a message about an unknown name: into zh
 * "，是不是 X？" and into en "; did you mean X?" (X quoted when `quote`),
 * or "" for both when near is NULL (zj_suggest found nothing). */
typedef struct out_near {
    char zh[320], en[320];
} out_near;
const out_near *out_suggestion(const char *near, int quote, out_near *buf);

/* CLI_EXIT_OK for 0 (a printer's success), else CLI_EXIT_ERROR. */
int out_status(int rc);

/* A usage error already set in *err (zj_error_set), reported like
 * out_usage. */
int out_usage_error(const cli_ctx *ctx, const char *cmd, const zj_error *err);

/* "no check named NAME" as the library words it (zj_check_lookup: the
 * nearest check and the list), at NAME; returns CLI_EXIT_ERROR. */
int out_no_check(const cli_ctx *ctx, const char *name);

/* ---- text ----------------------------------------------------------------- */

/* Terminal columns of UTF-8 text: East Asian wide and fullwidth characters
 * count 2, combining marks 0, everything else 1. */
size_t out_width(const char *s);

/* The width text tables must fit in (columns of the terminal, --width);
 * 0 is no limit.  Cells that do not fit wrap inside their column, at a
 * blank when there is one, never inside a character. */
void out_set_columns(size_t columns);

/* The message in the --lang language: zh, en, or "zh / en".  Returns s
 * itself when only one is wanted, otherwise buf. */
const char *out_lang(const cli_ctx *ctx, const char *zh, const char *en,
                     char *buf, size_t size);

/* A number for a text table (6 decimals, or a whole number as such), or for
 * CSV (15 significant digits).  NaN is "NA" in tables and "" in CSV. */
const char *out_num_text(double v, char *buf, size_t size);
const char *out_num_csv(double v, char *buf, size_t size);
/* Up to 10 significant digits, no trailing zeros (95, 95.26); NaN "NA". */
const char *out_num_short(double v, char *buf, size_t size);
/* Per the current format: out_num_csv for CSV, else out_num_text. */
const char *out_num(const cli_ctx *ctx, double v, char *buf, size_t size);

/* ---- tables (printed as aligned text or CSV) ------------------------------ */

typedef struct out_table {
    size_t ncols, nrows, cap;
    char **cells;          /* (nrows + 1) * ncols copies; row 0 the header */
} out_table;

/* headers: ncols strings.  Returns 0, or -1 on allocation failure. */
int out_table_init(out_table *t, size_t ncols, const char *const *headers);
/* Appends a copy of cells[0 .. ncols); NULL cells are empty. */
int out_table_add(out_table *t, const char *const *cells);
/* Aligned text (CLI_FMT_TABLE) or CSV (CLI_FMT_CSV) on fp. */
int out_table_print(const out_table *t, cli_format fmt, FILE *fp);
void out_table_free(out_table *t);

/* One record of n fields: CSV prints a header of keys and one row; the
 * text table prints "label  value" lines, labels aligned (the labels may
 * carry the Chinese term).  labels NULL: the keys. */
int out_record(const cli_ctx *ctx, size_t n, const char *const *keys,
               const char *const *labels, const char *const *values);

/* ---- JSON ----------------------------------------------------------------- */

json_t *out_jreal(double v);          /* NaN and infinities are null */
json_t *out_jcount(double v);         /* an integer when whole, else as out_jreal */
json_t *out_jstr(const char *s);      /* NULL is null */
json_t *out_jbool3(int v);            /* 1 true, 0 false, anything else null */
json_t *out_jsource(const zj_source *src);  /* NULL is null */
json_t *out_jerror(const zj_error *err);    /* {"error": {...}} */
/* {"x","n","rate","lower","upper","method","conf"}; NaN is null. */
json_t *out_jrate(const zj_rate *r);
/* Dumps j (and decrefs it) to fp with the documented flags; 0 or -1. */
int out_json(json_t *j, FILE *fp);
/* json_dumps with the documented flags; free() the result. */
char *out_json_string(const json_t *j);

/* ---- citations ----------------------------------------------------------- */

/* A citation string of src (zj_source_format), in buf. */
const char *out_citation(const zj_source *src, char *buf, size_t size);

#endif
