/* options.h — the commands and their options, as tables.
 *
 * Each command is one cli_command: its name, summary, synopsis, prose and
 * a table of cli_option rows.  The same tables drive the parser
 * (args_parse), `--help`, the man pages (`zhijiao --help-man`), bash
 * completion (`zhijiao __complete`) and the check of docs/cli.md, so
 * they cannot drift apart.  Adding an option is one row here plus the
 * member of the command's options struct that receives it.
 *
 * Options are `--name VALUE`, `--name=VALUE` or flags `--name`.  Anything
 * else is positional, including "-" (standard input) and negative numbers
 * ("-1"), which the library then rejects with its own message.  `--` ends
 * the options.  `-h` and `--help` ask for the command's help.
 */
#ifndef ZJ_CLI_OPTIONS_H
#define ZJ_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>
#include "cli.h"

/* What an option's value (or a positional argument) is, for completion. */
typedef enum cli_kind {
    CLI_K_NONE = 0,     /* free text: nothing to complete */
    CLI_K_FILE,         /* a file name */
    CLI_K_DIR,          /* a directory */
    CLI_K_CHECK,        /* a check name (zj_check_at) */
    CLI_K_TABLE,        /* a bundled table name */
    CLI_K_FIELD,        /* a field name of the check given before */
    CLI_K_WORDS         /* one of cli_option.words */
} cli_kind;

/* Option flags. */
#define CLI_OPT_REPEAT 1u   /* may be given more than once (see on_option) */
#define CLI_OPT_HIDDEN 2u   /* accepted, but not in help, man or completion */

typedef struct cli_option {
    const char *name;      /* without the dashes: "method" */
    const char *value;     /* value name for help ("M"); NULL: a flag */
    const char *help;      /* one paragraph, wrapped when printed */
    size_t offset;         /* where the value goes in the options struct */
    unsigned flags;        /* CLI_OPT_* */
    cli_kind kind;         /* what the value is, for completion */
    const char *words;     /* CLI_K_WORDS: the values, space-separated */
} cli_option;

/* A row of an options table: `type` is the command's options struct (all
 * members `const char *`), `member` the one this option fills.  A flag
 * is stored as "1"; a value as given (the last one wins). */
#define CLI_OPT(type, member, name, value, help) \
    {name, value, help, offsetof(type, member), 0, CLI_K_NONE, NULL}
#define CLI_OPTK(type, member, name, value, help, kind, words) \
    {name, value, help, offsetof(type, member), 0, kind, words}

typedef struct cli_command cli_command;

/* For commands whose options are applied one by one in order (repeatable
 * ones): called for each option instead of storing it.  value is "1" for
 * a flag.  Returns 0 or an exit status (after printing). */
typedef int (*cli_option_fn)(void *opts, const cli_option *o,
                             const char *arg, const char *value);

struct cli_command {
    const char *name;           /* "rate" */
    cli_cmd_fn fn;
    const char *summary;        /* one line for `zhijiao --help` */
    const char *synopsis;       /* lines after "zhijiao ", '\n'-separated */
    const char *description;    /* paragraphs ("\n\n"); lines starting with
                                   two spaces are kept as they are */
    const cli_option *options;
    size_t noptions;
    const char *notes;          /* after the options: output, exit status */
    cli_kind positional[3];     /* kinds of the positional arguments */
    int positional_repeat;      /* the last kind repeats */
    cli_option_fn on_option;    /* NULL: store into the options struct */
};

#define CLI_NOPTS(table) (sizeof table / sizeof table[0])

/* The global options, taken out of argv before the command runs. */
typedef struct cli_globals {
    const char *data, *format, *lang, *width, *verbose, *version, *help;
} cli_globals;

/* The commands, in the order of `zhijiao --help`, and the global options
 * (commands.c). */
extern const cli_command *const cli_commands[];
extern const size_t cli_command_count;
extern const cli_command cli_toplevel;   /* `zhijiao` itself */
const cli_command *cli_command_find(const char *name);

extern const cli_command cli_cmd_checks, cli_cmd_check, cli_cmd_batch,
    cli_cmd_rate, cli_cmd_pooled, cli_cmd_diff, cli_cmd_cluster, cli_cmd_scores,
    cli_cmd_composite, cli_cmd_completion, cli_cmd_progression,
    cli_cmd_transfer_rate, cli_cmd_grades, cli_cmd_tables, cli_cmd_table,
    cli_cmd_audit, cli_cmd_audit_csv, cli_cmd_plan, cli_cmd_plan_compare, cli_cmd_demo,
    cli_cmd_refresh, cli_cmd_deadlines;

/* Result of args_parse besides the exit codes: help was asked for and
 * has been printed on stdout. */
#define ARGS_HELP (-1)

/* Parses argv[1 .. argc) of command `cmd` into the options struct `opts`
 * (or through cmd->on_option).  Positionals go to pos[0 .. *npos), at
 * most maxpos of them.  Returns 0; ARGS_HELP when help was asked for (it
 * has been printed); or CLI_EXIT_ERROR after printing a usage error that
 * names the offending option (with the nearest known one) or the surplus
 * argument. */
int args_parse(const cli_ctx *ctx, const cli_command *cmd, int argc,
               char **argv, void *opts, const char **pos, size_t maxpos,
               size_t *npos);

/* Whether argv[1 .. argc) asks for help (before any `--`). */
int args_wants_help(int argc, char **argv);

/* The option of table `cmd` named name[0 .. len), or NULL. */
const cli_option *args_find_option(const cli_command *cmd, const char *name,
                                   size_t len);

/* A usage error for the unknown option `arg` of cmd (NULL: the top
 * level), suggesting the nearest option of cmd and of the global ones. */
int args_unknown_option(const cli_ctx *ctx, const cli_command *cmd,
                        const char *arg);

/* ---- help, man pages, completion (help.c, complete.c) ------------------- */

/* `zhijiao CMD --help` (cmd = &cli_toplevel: `zhijiao --help`). */
void help_print(const cli_command *cmd, FILE *fp);
/* The man page of cmd (roff), for `zhijiao --help-man CMD`. */
void help_man(const cli_command *cmd, FILE *fp);
/* `zhijiao __complete WORD...`: the candidates for the last word, one a
 * line, given the words before it (argv[0] is the first word after
 * `zhijiao`).  Returns the exit status. */
int complete_words(cli_ctx *ctx, int argc, char **argv);

#endif
