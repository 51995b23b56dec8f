/* args.h — command-line parsing shared by the commands.
 *
 * Options are `--name VALUE`, `--name=VALUE` or flags `--name`.  Anything
 * else is positional, including "-" (standard input) and negative numbers
 * ("-1"), which the library then rejects with its own message.  `--`
 * ends the options.  `-h` and `--help` ask for the command's help.
 */
#ifndef ZJ_CLI_ARGS_H
#define ZJ_CLI_ARGS_H

#include <stddef.h>
#include "cli.h"

typedef struct cli_opt {
    const char *name;      /* without the dashes: "method" */
    int takes_value;       /* 0: a flag, stored as "1" */
    const char **value;    /* where the (last) value goes */
} cli_opt;

/* Result of args_parse besides the exit codes. */
#define ARGS_HELP (-1)

/* Parses argv[1 .. argc) of command `cmd` against opts.  Positionals go to
 * pos[0 .. *npos), at most maxpos of them.  Returns 0, ARGS_HELP when help
 * was asked for, or CLI_EXIT_ERROR after printing a usage error that names
 * the offending option (or the surplus argument). */
int args_parse(const cli_ctx *ctx, const char *cmd, int argc, char **argv,
               const cli_opt *opts, size_t nopts,
               const char **pos, size_t maxpos, size_t *npos);

/* Whether argv[1 .. argc) asks for help (before any `--`). */
int args_wants_help(int argc, char **argv);

/* A finite number, or a count (a whole number from 0 to 2^53), read by
 * the library (zj_parse_number, zj_parse_count: full-width digits and
 * surrounding blanks allowed, hexadecimal not).  On failure prints the
 * library's error as a usage error naming `what` and returns
 * CLI_EXIT_ERROR. */
int args_number(const cli_ctx *ctx, const char *cmd, const char *what,
                const char *text, double *out);
int args_count(const cli_ctx *ctx, const char *cmd, const char *what,
               const char *text, double *out);

/* A comma-separated list of numbers, at least one.  With allow_missing,
 * "NA" and empty items are NaN (missing); otherwise they are errors.
 * *out is malloc'd: free it. */
int args_number_list(const cli_ctx *ctx, const char *cmd, const char *what,
                     const char *text, int allow_missing,
                     double **out, size_t *count);
/* The same for a list of counts (no missing items). */
int args_count_list(const cli_ctx *ctx, const char *cmd, const char *what,
                    const char *text, double **out, size_t *count);

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
