/* commands.c — the list of commands and the global options of `zhijiao`.
 * A new command is one cli_command in its own file plus one line here. */
#include <string.h>

#include "options.h"

const cli_command *const cli_commands[] = {
    &cli_cmd_checks, &cli_cmd_check, &cli_cmd_batch, &cli_cmd_rate,
    &cli_cmd_pooled, &cli_cmd_diff, &cli_cmd_cluster, &cli_cmd_scores, &cli_cmd_composite,
    &cli_cmd_completion, &cli_cmd_progression, &cli_cmd_transfer_rate,
    &cli_cmd_grades, &cli_cmd_tables, &cli_cmd_table, &cli_cmd_audit,
    &cli_cmd_audit_csv, &cli_cmd_plan, &cli_cmd_plan_compare, &cli_cmd_deadlines, &cli_cmd_demo,
    &cli_cmd_refresh,
};

const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];

const cli_command *cli_command_find(const char *name)
{
    size_t i;

    for (i = 0; i < cli_command_count; i++)
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    return NULL;
}

static const cli_option global_options[] = {
    CLI_OPTK(cli_globals, data, "data", "DIR",
             "data directory (数据目录): rules/, tables/ and tables.json; "
             "default $ZHIJIAO_DATA or the installed data", CLI_K_DIR, NULL),
    CLI_OPTK(cli_globals, format, "format", "table|csv|json",
             "output format (default table: aligned text)", CLI_K_WORDS,
             "table csv json"),
    CLI_OPTK(cli_globals, lang, "lang", "zh|en|both",
             "language of messages in tables (default both)", CLI_K_WORDS,
             "zh en both"),
    CLI_OPT(cli_globals, width, "width", "N",
            "fit text tables into N columns, wrapping cells (default: the "
            "terminal's width, no limit when output is not a terminal; 0: "
            "no limit)"),
    CLI_OPT(cli_globals, verbose, "verbose", NULL,
            "summaries on stderr even when it is not a terminal"),
    CLI_OPT(cli_globals, version, "version", NULL,
            "print the version and exit"),
    CLI_OPT(cli_globals, help, "help", NULL,
            "this help; `zhijiao COMMAND --help` for a command"),
};

const cli_command cli_toplevel = {
    "zhijiao", NULL,
    "rules and statistics of Chinese vocational education (职业教育)",
    "[GLOBAL OPTIONS] COMMAND [ARGS] [GLOBAL OPTIONS]",
    "Rules and statistics of Chinese vocational education (职业教育):\n"
    "eligibility checks with reasons and sources, rates with confidence\n"
    "intervals, audits of published tables.\n",
    global_options, CLI_NOPTS(global_options),
    "Exit status: 0 ok; 1 a check failed (不符合) or an audit found problems;\n"
    "2 usage error, bad input, unknown check/table/year, or I/O error.\n"
    "Reference: docs/cli.md.\n",
    {CLI_K_NONE}, 0, NULL,
};
