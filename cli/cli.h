/* cli.h — what every `zhijiao` command shares: the global options, the
 * exit codes and the command entry points.
 *
 * The tool is a client of the public API only (core/include): it parses
 * arguments, calls the library and prints what comes back.  Every number
 * and every decision comes from libzhijiao.
 */
#ifndef ZJ_CLI_H
#define ZJ_CLI_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>
#include "zhijiao.h"

/* Exit statuses, the same for every command. */
enum {
    CLI_EXIT_OK = 0,        /* done, and nothing was negative */
    CLI_EXIT_NEGATIVE = 1,  /* a check said "not eligible", or an audit found something */
    CLI_EXIT_ERROR = 2      /* usage error, bad input data, unknown name, I/O error */
};

typedef enum cli_format { CLI_FMT_TABLE = 0, CLI_FMT_CSV, CLI_FMT_JSON } cli_format;
typedef enum cli_lang { CLI_LANG_BOTH = 0, CLI_LANG_ZH, CLI_LANG_EN } cli_lang;

/* The global options and the lazily opened data set.  Lives in main(). */
typedef struct cli_ctx {
    const char *data_dir;   /* --data, or zj_data_default_dir() */
    cli_format format;      /* --format */
    cli_lang lang;          /* --lang */
    int verbose;            /* --verbose */
    zj_data *data;          /* opened by cli_data() on first use */
} cli_ctx;

/* The data set, opened on first use so that commands which need none
 * (rate, diff, ...) work without it.  On failure prints the error and
 * returns NULL; the caller then returns CLI_EXIT_ERROR. */
const zj_data *cli_data(cli_ctx *ctx);

/* A command: argv[0] is the command name, argv[1 .. argc) its arguments
 * with the global options already removed.  Returns the exit status. */
typedef int (*cli_cmd_fn)(cli_ctx *ctx, int argc, char **argv);

int cmd_checks(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_batch(cli_ctx *ctx, int argc, char **argv);
int cmd_rate(cli_ctx *ctx, int argc, char **argv);
int cmd_pooled(cli_ctx *ctx, int argc, char **argv);
int cmd_diff(cli_ctx *ctx, int argc, char **argv);
int cmd_cluster(cli_ctx *ctx, int argc, char **argv);
int cmd_plan_compare(cli_ctx *ctx, int argc, char **argv);
int cmd_scores(cli_ctx *ctx, int argc, char **argv);
int cmd_composite(cli_ctx *ctx, int argc, char **argv);
int cmd_completion(cli_ctx *ctx, int argc, char **argv);
int cmd_progression(cli_ctx *ctx, int argc, char **argv);
int cmd_transfer_rate(cli_ctx *ctx, int argc, char **argv);
int cmd_grades(cli_ctx *ctx, int argc, char **argv);
int cmd_tables(cli_ctx *ctx, int argc, char **argv);
int cmd_table(cli_ctx *ctx, int argc, char **argv);
int cmd_audit(cli_ctx *ctx, int argc, char **argv);
int cmd_audit_csv(cli_ctx *ctx, int argc, char **argv);
int cmd_plan(cli_ctx *ctx, int argc, char **argv);
int cmd_deadlines(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);
int cmd_refresh(cli_ctx *ctx, int argc, char **argv);

/* Shared by batch and demo: decides every row of a table file (CSV,
 * .xlsx, .xls) and writes the result (input columns, then the decision
 * columns) as CSV, JSON Lines (--format json) or .xlsx (an out_path
 * ending in .xlsx).  A file is replaced only when complete
 * (zhijiao/outfile.h).  Counts go to counts[0..4) = eligible, not
 * eligible, undetermined, invalid.  Prints its own errors (with `quiet`,
 * not those of single invalid rows); returns CLI_EXIT_OK when every row
 * was written (invalid rows included: see counts[3]), or CLI_EXIT_ERROR
 * (then an existing output file is untouched). */
typedef struct cli_batch_opts {
    zj_encoding enc;        /* of a CSV input */
    const char *sheet;      /* of a workbook input: NULL the first */
    const char *out_path;   /* NULL or "-": standard output */
    int bom;                /* UTF-8 mark on CSV: 1 yes, 0 no, -1 on files only */
    int quiet;
} cli_batch_opts;
int cli_batch_file(cli_ctx *ctx, const char *check, const char *in_path,
                   const cli_batch_opts *o, size_t counts[4]);

/* A decision as `zhijiao check --format json` prints it (new reference). */
json_t *cli_decision_json(const zj_check_info *c, const zj_decision *d,
                          const zj_decision_summary *sm);

/* Shared by audit and demo: audits tables[0 .. n) and returns
 * {"tables": [{"table", "rows", "findings": [...]}], "finding_count"}
 * (docs/cli.md), or NULL after printing the error. */
json_t *cli_audit_tables(cli_ctx *ctx, const zj_data *data,
                         const zj_table *const *tables, size_t n);
/* Prints such a document as fmt (text, CSV or JSON) on fp; 0 or -1. */
int cli_audit_print(const cli_ctx *ctx, const json_t *doc, cli_format fmt,
                    FILE *fp);

#endif
