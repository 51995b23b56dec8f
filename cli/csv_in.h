/* csv_in.h — CSV input files of the commands: the header, the wanted
 * columns row by row, number columns.  Parsing is the library's
 * (zj_csv_*); this only maps columns by header name and reports errors
 * with the file and line. */
#ifndef ZJ_CLI_CSV_IN_H
#define ZJ_CLI_CSV_IN_H

#include <stddef.h>
#include "cli.h"

/* The values --encoding offers (completion and help). */
#define CSV_ENCODING_WORDS "auto utf-8 gb18030"

/* Called for each data row with the cells of the wanted columns (NULL for
 * an optional column the file lacks) and the row's physical line.  Returns
 * 0 to go on, or an exit status (after printing) to stop. */
typedef int (*args_row_fn)(void *ud, size_t line, const char *const *cells);

/* Opens a CSV file and reads its header row.  0 on success (close *r
 * with zj_csv_close); otherwise the error is printed, nothing is left
 * open, and the CLI exit code is returned. */
int args_open_csv(const cli_ctx *ctx, const char *path, zj_encoding enc,
                  zj_csv_reader **r, const char *const **header, size_t *n);

/* Reads `path` ("-": standard input) with the library's reader (encoding
 * `enc`, auto-detected by default) and hands the cells of columns
 * names[0 .. n) to fn, row by row.  The first n_required names must be
 * header names of the file (else a usage error listing the header); the
 * others are optional.  A row with more or fewer fields than the header
 * is an error naming its line.  Returns 0 or the exit status. */
int args_read_columns(const cli_ctx *ctx, const char *cmd, const char *path,
                      zj_encoding enc, const char *const *names, size_t n,
                      size_t n_required, args_row_fn fn, void *ud);

/* A row of nf fields in a file whose header has ncols, reported as a
 * parse error at "path:line".  Returns CLI_EXIT_ERROR. */
int csv_ragged_row(const cli_ctx *ctx, const char *path, size_t line, size_t nf,
                   size_t ncols);

/* The cell of column `col` on `line` is not a number: reported as a parse
 * error at `where`.  Returns CLI_EXIT_ERROR. */
int csv_not_number(const cli_ctx *ctx, const char *where, size_t line,
                   const char *col, const char *cell);

/* The --encoding option (NULL: auto); prints the library's error. */
int args_encoding(const cli_ctx *ctx, const char *text, zj_encoding *out);


/* A growing array of doubles, for columns read from files. */
typedef struct dvec {
    double *v;
    size_t n, cap;
} dvec;

/* Number columns read row by row (csv_numbers_row as the args_row_fn):
 * "", NA and NaN are missing (NaN); any other text that is not a number
 * is an error naming the file, line and column.  Free values.v and
 * lines.v. */
typedef struct csv_numbers {
    const cli_ctx *ctx;
    const char *path;
    const char *const *names;
    size_t ncols;
    dvec values;   /* row-major, ncols per row */
    dvec lines;    /* the CSV line of each row */
} csv_numbers;

int csv_numbers_row(void *ud, size_t line, const char *const *cells);

#endif
