/* args.h — the values of arguments shared by the commands: numbers and
 * lists.  The options themselves are parsed from tables (options.h). */
#ifndef ZJ_CLI_ARGS_H
#define ZJ_CLI_ARGS_H

#include <stddef.h>
#include "cli.h"
#include "options.h"

/* A finite number, the whole text (surrounding blanks allowed).  On
 * failure prints a usage error naming `what` and returns CLI_EXIT_ERROR. */
int args_number(const cli_ctx *ctx, const char *cmd, const char *what,
                const char *text, double *out);

/* A comma-separated list of numbers, at least one.  With allow_missing,
 * "NA" and empty items are NaN (missing); otherwise they are errors.
 * *out is malloc'd: free it. */
int args_number_list(const cli_ctx *ctx, const char *cmd, const char *what,
                     const char *text, int allow_missing,
                     double **out, size_t *count);

/* A comma-separated list of names, at least one, none empty.  *items is
 * a NULL-terminated array; free it with args_free_list. */
int args_name_list(const cli_ctx *ctx, const char *cmd, const char *what,
                   const char *text, char ***items, size_t *count);
void args_free_list(char **items);

/* Parses a cell as a number for the data readers: "", "NA" and "NaN" are
 * missing (NaN, returns 1); a number returns 1; anything else 0. */
int args_cell_number(const char *text, double *out);

/* ---- reading columns of a CSV file --------------------------------------- */

/* Called for each data row with the cells of the wanted columns (NULL for
 * an optional column the file lacks) and the row's physical line.  Returns
 * 0 to go on, or an exit status (after printing) to stop. */
typedef int (*args_row_fn)(void *ud, size_t line, const char *const *cells);

/* Reads `path` ("-": standard input) with the library's reader (encoding
 * `enc`, auto-detected by default) and hands the cells of columns
 * names[0 .. n) to fn, row by row.  The first n_required names must be
 * header names of the file (else a usage error listing the header); the
 * others are optional.  A row with more or fewer fields than the header
 * is an error naming its line.  Returns 0 or the exit status. */
/* Opens a CSV file and reads its header row.  0 on success (close *r
 * with zj_csv_close); otherwise the error is printed, nothing is left
 * open, and the CLI exit code is returned. */
int args_open_csv(const cli_ctx *ctx, const char *path, zj_encoding enc,
                  zj_csv_reader **r, const char *const **header, size_t *n);

int args_read_columns(const cli_ctx *ctx, const char *cmd, const char *path,
                      zj_encoding enc, const char *const *names, size_t n,
                      size_t n_required, args_row_fn fn, void *ud);

/* The --encoding option (NULL: auto); prints the library's error. */
int args_encoding(const cli_ctx *ctx, const char *text, zj_encoding *out);

/* The header of a CSV as "a, b, c" into buf, for error messages. */
const char *args_join(const char *const *items, size_t n, char *buf,
                      size_t size);

#endif
