/* main.c — `zhijiao`: global options, then one command.
 *
 * Global options may come before or after the command; they are taken out
 * of argv here so that each command sees only its own arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "output.h"

typedef struct command {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} command;

static const command commands[] = {
    {"checks", cmd_checks, "list the checks (检查) and their fields"},
    {"check", cmd_check, "decide one case: eligibility (资格) with reasons and sources"},
    {"batch", cmd_batch, "decide every row of a CSV file (批量判定)"},
    {"rate", cmd_rate, "a rate with its confidence interval (比率及置信区间)"},
    {"pooled", cmd_pooled, "pooled rate (合并率) vs. mean of group rates (各组率均值)"},
    {"diff", cmd_diff, "difference of two rates and its test (两率之差)"},
    {"scores", cmd_scores, "summary of test scores: mean, pass and excellent rates (成绩统计)"},
    {"composite", cmd_composite, "weighted composite score (综合评价分)"},
    {"completion", cmd_completion, "plan completion rate (计划完成率)"},
    {"progression", cmd_progression, "progression to further study (升学率)"},
    {"transfer-rate", cmd_transfer_rate, "转段 rate of a cohort (转段率)"},
    {"grades", cmd_grades, "grade distribution of a monitoring table (等级分布)"},
    {"tables", cmd_tables, "list the bundled official tables (数据表)"},
    {"table", cmd_table, "print one bundled table"},
    {"audit", cmd_audit, "audit bundled tables: do the parts add up? (核对)"},
    {"audit-csv", cmd_audit_csv, "sum audit of any CSV table (核对小计与合计)"},
    {"plan", cmd_plan, "look up enrolment plans (招生计划)"},
    {"demo", cmd_demo, "audit, indicators and checks on the bundled data alone (演示)"},
    {"refresh", cmd_refresh, "refresh the official plans from the education sites (更新官方数据)"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *fp)
{
    size_t i;

    fputs("Usage: zhijiao [GLOBAL OPTIONS] COMMAND [ARGS] [GLOBAL OPTIONS]\n"
          "\n"
          "Rules and statistics of Chinese vocational education (职业教育):\n"
          "eligibility checks with reasons and sources, rates with confidence\n"
          "intervals, audits of published tables.\n"
          "\n"
          "Commands:\n", fp);
    for (i = 0; i < N_COMMANDS; i++)
        fprintf(fp, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Global options:\n"
          "  --data DIR              data directory (数据目录): rules/, tables/ and\n"
          "                          tables.json; default $ZHIJIAO_DATA or the\n"
          "                          installed data\n"
          "  --format table|csv|json output format (default table: aligned text)\n"
          "  --lang zh|en|both       language of messages in tables (default both)\n"
          "  --verbose               summaries on stderr even when it is not a terminal\n"
          "  --version               print the version and exit\n"
          "  --help                  this help; `zhijiao COMMAND --help` for a command\n"
          "\n"
          "Exit status: 0 ok; 1 a check failed (不符合) or an audit found problems;\n"
          "2 usage error, bad input, unknown check/table/year, or I/O error.\n"
          "Reference: docs/cli.md.\n", fp);
}

const zj_data *cli_data(cli_ctx *ctx)
{
    zj_error err;

    if (ctx->data)
        return ctx->data;
    zj_error_clear(&err);
    /* The bundled tables, with any refreshed snapshot (zhijiao refresh)
     * serving its tables in place of the bundled ones of the same name. */
    if (zj_data_open_with_snapshot(ctx->data_dir, NULL, &ctx->data, &err) != ZJ_OK) {
        ctx->data = NULL;
        out_error(ctx, &err);
        return NULL;
    }
    if (zj_data_warning(ctx->data))
        out_warning(zj_data_warning(ctx->data));
    return ctx->data;
}

/* Takes the global options out of argv (in place); returns 0, or the exit
 * status when the options themselves end the run. */
static int take_globals(cli_ctx *ctx, int *argcp, char **argv, int *version,
                        int *help_first)
{
    int argc = *argcp, i, o = 1, seen_cmd = 0, only_pos = 0;
    const char *format = NULL, *lang = NULL;

    for (i = 1; i < argc; i++) {
        char *a = argv[i];
        const char **slot = NULL;
        const char *name = NULL;
        size_t nlen = 0;

        if (only_pos || strcmp(a, "--") == 0) {
            only_pos = 1;
            argv[o++] = a;
            continue;
        }
        if (strncmp(a, "--data", 6) == 0 && (a[6] == '\0' || a[6] == '='))
            slot = &ctx->data_dir, name = "data", nlen = 6;
        else if (strncmp(a, "--format", 8) == 0 && (a[8] == '\0' || a[8] == '='))
            slot = &format, name = "format", nlen = 8;
        else if (strncmp(a, "--lang", 6) == 0 && (a[6] == '\0' || a[6] == '='))
            slot = &lang, name = "lang", nlen = 6;
        if (slot) {
            if (a[nlen] == '=')
                *slot = a + nlen + 1;
            else if (i + 1 < argc)
                *slot = argv[++i];
            else
                return out_usage(ctx, NULL, a, "选项 --%s 缺少值",
                                 "option --%s needs a value", name);
            continue;
        }
        if (strcmp(a, "--verbose") == 0) {
            ctx->verbose = 1;
            continue;
        }
        if (strcmp(a, "--version") == 0) {
            *version = 1;
            continue;
        }
        if (!seen_cmd && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            *help_first = 1;
            continue;
        }
        if (a[0] != '-')
            seen_cmd = 1;
        argv[o++] = a;
    }
    argv[o] = NULL;
    *argcp = o;

    if (format) {
        if (strcmp(format, "table") == 0) ctx->format = CLI_FMT_TABLE;
        else if (strcmp(format, "csv") == 0) ctx->format = CLI_FMT_CSV;
        else if (strcmp(format, "json") == 0) ctx->format = CLI_FMT_JSON;
        else
            return out_usage(ctx, NULL, "--format",
                             "未知的输出格式“%s”（可选 table、csv、json）",
                             "unknown format '%s' (table, csv or json)", format);
    }
    if (lang) {
        if (strcmp(lang, "both") == 0) ctx->lang = CLI_LANG_BOTH;
        else if (strcmp(lang, "zh") == 0) ctx->lang = CLI_LANG_ZH;
        else if (strcmp(lang, "en") == 0) ctx->lang = CLI_LANG_EN;
        else
            return out_usage(ctx, NULL, "--lang",
                             "未知的语言“%s”（可选 zh、en、both）",
                             "unknown language '%s' (zh, en or both)", lang);
    }
    return 0;
}

int main(int argc, char **argv)
{
    static char help_opt[] = "--help";
    char *help_argv[3];
    cli_ctx ctx;
    int version = 0, help_first = 0, rc;
    size_t i;

    memset(&ctx, 0, sizeof ctx);
    ctx.data_dir = zj_data_default_dir();
    rc = take_globals(&ctx, &argc, argv, &version, &help_first);
    if (rc != 0)
        return rc;
    if (version) {
        printf("zhijiao %s (libzhijiao %s)\n", ZJ_VERSION_STRING, zj_version());
        return CLI_EXIT_OK;
    }
    if (argc < 2) {
        print_help(help_first ? stdout : stderr);
        return help_first ? CLI_EXIT_OK : CLI_EXIT_ERROR;
    }
    if (strcmp(argv[1], "help") == 0) {
        if (argc < 3) {
            print_help(stdout);
            return CLI_EXIT_OK;
        }
        /* `zhijiao help CMD` is `zhijiao CMD --help`. */
        argv++;
        argc--;
        help_first = 1;
    }
    for (i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            break;
    if (i == N_COMMANDS) {
        if (argv[1][0] == '-')
            return out_usage(&ctx, NULL, argv[1], "未知选项 %s",
                             "unknown option %s", argv[1]);
        return out_usage(&ctx, NULL, argv[1], "未知命令“%s”",
                         "unknown command '%s'", argv[1]);
    }
    if (help_first) {
        /* `zhijiao --help CMD`: the command's help. */
        help_argv[0] = argv[1];
        help_argv[1] = help_opt;
        help_argv[2] = NULL;
        rc = commands[i].fn(&ctx, 2, help_argv);
    } else {
        rc = commands[i].fn(&ctx, argc - 1, argv + 1);
    }
    zj_data_close(ctx.data);
    /* A failed write the command has not reported yet (printf to a full
     * disk, a closed pipe). */
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc != CLI_EXIT_ERROR) {
        zj_error err;
        cli_error_set(&err, ZJ_ERR_IO, "stdout", "写标准输出失败",
                      "writing standard output failed");
        return out_error(NULL, &err);
    }
    return rc;
}
