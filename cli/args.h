/* args.h — the values of arguments shared by the commands: numbers and
 * lists.  The options themselves are parsed from tables (options.h). */
#ifndef ZJ_CLI_ARGS_H
#define ZJ_CLI_ARGS_H

#include <stddef.h>
#include "cli.h"
#include "options.h"

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

/* items as "a, b, c" into buf (cut at size), for error messages. */
const char *args_join(const char *const *items, size_t n, char *buf,
                      size_t size);

#endif
